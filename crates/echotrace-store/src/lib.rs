//! The store (to be written).
