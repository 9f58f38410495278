use crate::reader::Location;
use std::io;

/// A problem that ends the reading of one input. Everything read before it has been sent.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{source}")]
    Io {
        location: Option<Location>,
        #[source]
        source: io::Error,
    },
    #[error("truncated: {detail}")]
    Truncated {
        location: Option<Location>,
        detail: String,
    },
    #[error("malformed: {detail}")]
    Malformed {
        location: Option<Location>,
        detail: String,
    },
    #[error("larger than the {limit}-byte limit for one document")]
    TooLarge {
        location: Option<Location>,
        limit: usize,
    },
    #[error("unrecognised format ({detail})")]
    Unrecognized { detail: String },
}

impl ReadError {
    pub fn location(&self) -> Option<Location> {
        match self {
            ReadError::Io { location, .. }
            | ReadError::Truncated { location, .. }
            | ReadError::Malformed { location, .. }
            | ReadError::TooLarge { location, .. } => *location,
            ReadError::Unrecognized { .. } => None,
        }
    }

    pub(crate) fn io(location: Option<Location>, source: io::Error) -> Self {
        ReadError::Io { location, source }
    }
}
