//! Scorers (to be written).
