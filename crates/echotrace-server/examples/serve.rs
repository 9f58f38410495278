//! Starts the server until `echotrace serve` exists in the CLI:
//! `cargo run --release -p echotrace-server --example serve -- --db demo.db --addr 127.0.0.1:8080 [--web-dir web/dist] [--allow-ingest]`

use echotrace_server::{serve, ServerConfig};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut config = ServerConfig {
        db: PathBuf::from("echotrace.db"),
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], 8080)),
        allow_ingest: false,
        web_dir: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let step = match arg.as_str() {
            "--db" => value("--db").map(|v| config.db = v.into()),
            "--web-dir" => value("--web-dir").map(|v| config.web_dir = Some(v.into())),
            "--addr" => value("--addr").and_then(|v| {
                v.parse()
                    .map(|a| config.addr = a)
                    .map_err(|e| format!("--addr {v}: {e}"))
            }),
            "--allow-ingest" => {
                config.allow_ingest = true;
                Ok(())
            }
            other => Err(format!("unknown argument {other}")),
        };
        if let Err(e) = step {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    match serve(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
