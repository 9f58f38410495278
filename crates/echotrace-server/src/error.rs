//! Errors: [`ServerError`] stops the server from starting; [`ApiError`] is one request's
//! answer, always JSON `{status, message}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Why [`crate::serve`] could not start or keep running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("no store at {0}: run `echotrace ingest` first (or start with --allow-ingest)")]
    NoStore(PathBuf),
    #[error(transparent)]
    Store(#[from] echotrace_store::StoreError),
    #[error("cannot open {path} for reading: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server runtime: {0}")]
    Runtime(std::io::Error),
}

/// An error answer. Client mistakes carry a message that says what to fix; server-side
/// failures (a store error) are logged with their detail and answered with a short message,
/// since the detail may name files.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        eprintln!("error: {detail}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error reading the store (see the server log)",
        )
    }
}

impl From<echotrace_store::StoreError> for ApiError {
    fn from(e: echotrace_store::StoreError) -> Self {
        ApiError::internal(e)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<echotrace_pipeline::PipelineError> for ApiError {
    fn from(e: echotrace_pipeline::PipelineError) -> Self {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error_response(self.status, &self.message)
    }
}

/// The one shape of every error body.
pub(crate) fn error_response(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "status": status.as_u16(), "message": message });
    (status, Json(body)).into_response()
}
