pub mod align;
pub mod candidates;
pub mod fingerprint;
pub mod segment;
