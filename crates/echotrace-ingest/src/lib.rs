//! Readers (to be written).
