//! The error of a serialiser that reads a value rather than writing it, and stops
//! as soon as it has what it came for (a field found, a value that is not an object):
//! serde ends a serialisation only by an error, and this one carries nothing.

use std::fmt;

use serde::ser;

/// Ends a serialisation early, on purpose.
#[derive(Debug)]
pub struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("serialisation stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}
