//! The shared state: a pool of reading connections, the optional writer, cached views.

use crate::error::{ApiError, ServerError};
use echotrace_store::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::Semaphore;

/// Reading connections kept open between requests. More would only queue on two cores;
/// fewer would serialise the blocking pool.
const POOL_SIZE: usize = 8;

/// One reading connection: the store's API for everything it knows, and a plain read-only
/// SQLite handle for the document listing, which filters the documented schema directly.
pub(crate) struct Reader {
    pub store: Store,
    pub conn: Connection,
}

/// What every handler shares. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    allow_ingest: bool,
    web_dir: PathBuf,
    pool: Mutex<Vec<Reader>>,
    permits: Semaphore,
    writer: Option<Mutex<Store>>,
    cache: Mutex<Cache>,
}

/// Views computed from the whole store; cleared by an ingest.
#[derive(Default)]
pub(crate) struct Cache {
    pub network: Option<Arc<serde_json::Value>>,
    pub narratives: Option<Arc<crate::api::NarrativeData>>,
}

impl AppState {
    /// Opens the store at `db` (which must exist unless `allow_ingest`) and checks that it can
    /// be read. `web_dir` is the built page (default `web/dist`).
    pub fn open(
        db: &Path,
        allow_ingest: bool,
        web_dir: Option<&Path>,
    ) -> Result<AppState, ServerError> {
        let writer = if allow_ingest {
            // Creates the file and brings its schema up to date.
            Some(Mutex::new(Store::open(db)?))
        } else {
            if !db.is_file() {
                return Err(ServerError::NoStore(db.to_path_buf()));
            }
            // Opening once read-write applies any missing migration before the read-only
            // connections look at the schema; it writes nothing on a current store.
            drop(Store::open(db)?);
            None
        };
        let first = open_reader(db)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db: db.to_path_buf(),
                allow_ingest,
                web_dir: web_dir.map_or_else(|| PathBuf::from("web/dist"), Path::to_path_buf),
                pool: Mutex::new(vec![first]),
                permits: Semaphore::new(POOL_SIZE),
                writer,
                cache: Mutex::new(Cache::default()),
            }),
        })
    }

    pub fn allow_ingest(&self) -> bool {
        self.inner.allow_ingest
    }

    /// Where the page is served from.
    pub fn web_dir(&self) -> &Path {
        &self.inner.web_dir
    }

    /// Whether the page has been built (`index.html` exists in [`AppState::web_dir`]).
    pub fn page_built(&self) -> bool {
        self.inner.web_dir.join("index.html").is_file()
    }

    /// Runs `f` with a reading connection on the blocking pool.
    pub(crate) async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Reader) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .inner
            .permits
            .acquire()
            .await
            .map_err(ApiError::internal)?;
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let taken = inner
                .pool
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            let reader = match taken {
                Some(r) => r,
                None => open_reader(&inner.db).map_err(ApiError::internal)?,
            };
            let out = f(&reader);
            let mut pool = inner.pool.lock().unwrap_or_else(PoisonError::into_inner);
            if pool.len() < POOL_SIZE {
                pool.push(reader);
            }
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` with the writing store on the blocking pool; `None` when ingest is off.
    pub(crate) async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let Some(writer) = &inner.writer else {
                return Err(ApiError::new(
                    axum::http::StatusCode::FORBIDDEN,
                    "ingest is disabled; start the server with --allow-ingest",
                ));
            };
            let mut store = writer.lock().unwrap_or_else(PoisonError::into_inner);
            let out = f(&mut store);
            inner
                .cache
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clear();
            out
        })
        .await
        .map_err(ApiError::internal)?
    }

    pub(crate) fn cache(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.inner
            .cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Cache {
    fn clear(&mut self) {
        *self = Cache::default();
    }
}

fn open_reader(db: &Path) -> Result<Reader, ServerError> {
    let store = Store::open(db)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(db, flags).map_err(|source| ServerError::Open {
        path: db.to_path_buf(),
        source,
    })?;
    // A writer holds the lock only for a batch; wait rather than fail the request.
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|source| ServerError::Open {
            path: db.to_path_buf(),
            source,
        })?;
    Ok(Reader { store, conn })
}
