//! Text for people's terminals: what may be shown as it is, and what must be
//! neutralised first.

pub mod fill;
pub mod terminal_safe;
