//! Giving memory back to the system once the wizard's large, short-lived work is
//! done.
//!
//! A save and the preview's render and `check` after each answer are the wizard's
//! largest allocations: on a policy of thousands of entries they are megabytes, freed
//! at once. glibc's allocator keeps such freed memory in the process, so the wizard
//! sat at its peak for the rest of the session (34 MB on a file of 2,000 recipients
//! and 5,000 data categories) while it held about 13. `malloc_trim` hands the free
//! pages back; it does not move anything, so it is safe at any time.

/// Returns freed memory to the system where the allocator keeps it (glibc); does
/// nothing elsewhere.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory inside glibc's own heap; it
    // has no preconditions and touches nothing the program holds.
    unsafe {
        libc::malloc_trim(0);
    }
}
