//! The OpenAPI document, written by hand (a derive macro would cost more compile time than
//! the document costs to keep); a test checks that it lists every route and parses.

pub(crate) const OPENAPI_JSON: &str = include_str!("openapi.json");
