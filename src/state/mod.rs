//! The app's state: what the user is looking at (`explore`, kept in the URL)
//! and what staff have recorded (`progress`, kept in this browser).

pub mod cycle;
mod explore;
pub mod progress;

pub use explore::Explore;
pub use progress::Progress;
