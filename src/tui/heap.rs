//! Giving memory back to the system once the wizard's large, short-lived work is
//! done.
//!
//! A save and the preview's render and `check` after each answer are the wizard's
//! largest allocations: on a policy of thousands of entries they are megabytes, freed
//! at once. glibc's allocator keeps such freed memory in the process, so the wizard
//! sat at its peak for the rest of the session (34 MB on a file of 2,000 recipients
//! and 5,000 data categories) while it held about 13. `malloc_trim` hands the free
//! pages back; it does not move anything, so it is safe at any time.
//!
//! Large blocks are also kept apart from the rest from the start
//! ([`keep_large_blocks_apart`]), so that growing or freeing one never leaves its old
//! room inside the heap.

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

/// Keeps every block of 128 KB or more in a mapping of its own: grown in place by
/// the system (`mremap`) instead of copied beside its old room, and handed back the
/// moment it is freed. glibc starts so, but raises that threshold to the size of
/// each large block freed, up to 32 MB: once the answers file's text (megabytes)
/// was freed after reading, a long list growing by doubling was copied inside the
/// heap, old and new side by side, and the first preview of a file of 2,000
/// recipients and 5,000 data categories peaked 0.5 to 1.5 MB higher (issue 17).
/// Set before the answers are read, as their text is the first large block freed.
pub fn keep_large_blocks_apart() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets a parameter of glibc's allocator; any value is
    // valid for M_MMAP_THRESHOLD up to 32 MB, and it touches nothing allocated.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}
