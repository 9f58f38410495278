//! The page: static files of the built front end (`web/dist`), or, when it is not built, a
//! short page that says how to build it.

use crate::state::AppState;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

const NOT_BUILT: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>echotrace</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>echotrace</h1>
<p>The API is up (<a href="/api/openapi.json">/api/openapi.json</a>), but the web page has not
been built.</p>
<p>Build it once from the repository root (needs Node.js and npm):</p>
<pre>cd web &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>then restart the server from the repository root, or pass <code>--web-dir web/dist</code>.</p>
</body></html>"#;

pub(crate) fn router(state: &AppState) -> Router {
    if !state.page_built() {
        return Router::new().fallback(get(not_built));
    }
    // ServeDir normalises the request path and refuses `..` and absolute components, so no
    // request can name a file outside the build directory.
    let files = ServeDir::new(state.web_dir()).not_found_service(get(not_found).with_state(()));
    Router::new()
        .fallback_service(files)
        // The page is small and rebuilt rarely; revalidating keeps a rebuilt page fresh.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-cache"),
        ))
}

async fn not_built(uri: axum::http::Uri) -> Response {
    if uri.path() == "/" || uri.path() == "/index.html" {
        Html(NOT_BUILT).into_response()
    } else {
        not_found().await
    }
}

async fn not_found() -> Response {
    crate::error::error_response(StatusCode::NOT_FOUND, "not found")
}
