//! Request parameters, parsed by hand so that every mistake is a 400 with a message that
//! names the parameter (the framework's own rejections are plain text).

use crate::error::ApiError;
use crate::MAX_PAGE;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use std::collections::HashMap;

/// The query string as a map (a repeated key keeps its last value).
pub(crate) struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|e| ApiError::bad_request(format!("bad query string: {}", e.body_text())))?;
        Ok(Params(pairs.into_iter().collect()))
    }
}

impl Params {
    /// A non-empty string parameter.
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.str(name)
            .ok_or_else(|| ApiError::bad_request(format!("missing parameter `{name}`")))
    }

    /// A yes/no parameter: `true`/`1` or `false`/`0`, false when absent.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.str(name) {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(other) => Err(ApiError::bad_request(format!(
                "`{name}` must be true or false, not {other:?}"
            ))),
        }
    }

    /// `limit`: 1 to [`MAX_PAGE`], `default` when absent.
    pub fn limit(&self, default: usize) -> Result<usize, ApiError> {
        self.usize_in("limit", default, 1, MAX_PAGE)
    }

    pub fn usize_in(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(raw) = self.str(name) else {
            return Ok(default);
        };
        match raw.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "`{name}` must be a whole number from {min} to {max}, not {raw:?}"
            ))),
        }
    }
}

/// An opaque cursor: the hex of what the listing resumes after, so that nothing a client
/// sends back is ever read as anything but a key.
pub(crate) fn encode_cursor(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn decode_cursor(cursor: &str) -> Result<String, ApiError> {
    let bad = || ApiError::bad_request("`cursor` is not a cursor this server returned");
    if cursor.len() % 2 != 0 || cursor.len() > 2048 {
        return Err(bad());
    }
    let bytes = (0..cursor.len())
        .step_by(2)
        .map(|i| {
            cursor
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or_else(bad)?;
    String::from_utf8(bytes).map_err(|_| bad())
}

/// A path parameter whose rejection is a JSON 400.
pub(crate) struct PathParam<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParam<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(t)| PathParam(t))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        for key in ["", "h2496e5c76651eac0", "ünï/../x"] {
            assert_eq!(decode_cursor(&encode_cursor(key)).unwrap(), key);
        }
        for bad in ["zz", "abc", "ff", "c3"] {
            assert!(decode_cursor(bad).is_err(), "{bad}");
        }
    }
}
