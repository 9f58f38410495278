//! echotrace's HTTP API and web page: everything in a store behind JSON endpoints under
//! `/api/`, and a small web page at `/` that reads them.
//!
//! # Design
//!
//! - **Blocking store, async server.** A [`echotrace_store::Store`] is one SQLite connection
//!   and is not `Sync`. Every request that reads the store runs on tokio's blocking pool
//!   ([`tokio::task::spawn_blocking`]) with a connection taken from a small pool of
//!   connections opened once (see [`AppState`]); a semaphore bounds how many run at once, so
//!   a burst of requests queues instead of opening hundreds of connections. The async
//!   workers never wait on SQLite.
//! - **Read-only unless told.** Request handlers only call the store's reading methods; the
//!   listing's extra SQLite handle is opened `SQLITE_OPEN_READ_ONLY`. Only with `allow_ingest`
//!   is a writing store used, one, behind its own mutex, for `POST /api/ingest`.
//! - **Offsets in code points.** The store keeps byte offsets; every offset the API returns is
//!   converted with [`echotrace_core::CharOffsets`], so a browser can slice `text` with
//!   `Array.from(text).slice(start, end)` (or JavaScript's code-point aware iteration).
//! - **Bad input is a 4xx, never a 500.** Every parameter is parsed by hand into a JSON
//!   `{status, message}` error; limits apply to every input (page size, query length, body
//!   size); a middleware rewrites any remaining non-JSON error under `/api/` (framework
//!   rejections, 405, 413) into the same shape.
//! - **No path from user input.** The page is served from one directory with tower-http's
//!   `ServeDir`, which normalises the request path and refuses `..`; the API never touches
//!   the filesystem beyond the store given at start.
//! - **Derived views are cached.** The coordination network and the narratives are computed
//!   from the whole store on first request and kept until an ingest changes the store.
//!
//! # Example
//!
//! ```no_run
//! use echotrace_server::{serve, ServerConfig};
//! serve(ServerConfig {
//!     db: "demo.db".into(),
//!     addr: "127.0.0.1:8080".parse().unwrap(),
//!     allow_ingest: false,
//!     web_dir: None, // `web/dist` under the current directory
//! })?;
//! # Ok::<(), echotrace_server::ServerError>(())
//! ```
//!
//! In tests, [`router`] gives the [`axum::Router`] without a socket:
//!
//! ```no_run
//! # async fn f() -> Result<(), Box<dyn std::error::Error>> {
//! use echotrace_server::{router, AppState};
//! use tower::ServiceExt;
//! let app = router(AppState::open("demo.db".as_ref(), false, None)?);
//! let req = axum::http::Request::get("/api/stats").body(axum::body::Body::empty())?;
//! let res = app.oneshot(req).await?;
//! assert_eq!(res.status(), 200);
//! # Ok(()) }
//! ```

mod api;
mod error;
mod openapi;
mod params;
mod state;
mod web;

pub use error::{ApiError, ServerError};
pub use state::AppState;

use std::net::SocketAddr;
use std::path::PathBuf;

/// Largest request body accepted (the ingest endpoint's JSONL).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Largest page of any listing.
pub const MAX_PAGE: usize = 200;
/// Longest search query, in bytes.
pub const MAX_QUERY_BYTES: usize = 512;

/// What [`serve`] needs.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The store. It must exist unless `allow_ingest` (then an empty one is created).
    pub db: PathBuf,
    /// Where to listen; the CLI's default is loopback, `127.0.0.1:8080`.
    pub addr: SocketAddr,
    /// Accept `POST /api/ingest`; otherwise the store is only read.
    pub allow_ingest: bool,
    /// The built web page (`web/dist`); `None` means `web/dist` under the current directory.
    /// When it holds no `index.html`, `/` says how to build it.
    pub web_dir: Option<PathBuf>,
}

/// The routes: `/api/…` and the page. See `docs/api.md`.
pub fn router(state: AppState) -> axum::Router {
    api::router(state.clone()).merge(web::router(&state))
}

/// Serves until Ctrl-C (or SIGTERM). Blocks: builds its own tokio runtime with two workers.
pub fn serve(config: ServerConfig) -> Result<(), ServerError> {
    let state = AppState::open(&config.db, config.allow_ingest, config.web_dir.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: config.addr,
                source,
            })?;
        let local = listener.local_addr().map_err(ServerError::Runtime)?;
        if !state.page_built() {
            eprintln!(
                "note: the web page is not built ({}); `/` explains how to build it",
                state.web_dir().display()
            );
        }
        eprintln!("listening on http://{local}");
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(ServerError::Runtime)
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed the server still stops when killed.
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("shutting down");
}
