//! A bounded load test of a running server, loopback only: a fixed number of requests per
//! scenario (search, document view), a few concurrent clients, a time cap; reports
//! requests/s, p50/p99 latency and errors, and exits non-zero on any error.
//!
//! `cargo run --release -p echotrace-server --example load -- --addr 127.0.0.1:8080 [--requests 2000] [--clients 4] [--seconds 60]`
//!
//! Plain HTTP/1.1 over keep-alive TCP, written by hand so that the example needs no client
//! crate: the server's answers are JSON with a Content-Length.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: SocketAddr) -> std::io::Result<Conn> {
        let s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        s.set_nodelay(true)?;
        Ok(Conn {
            reader: BufReader::new(s),
        })
    }

    /// GET `path`; returns the status and the body.
    fn get(&mut self, addr: SocketAddr, path: &str) -> std::io::Result<(u16, Vec<u8>)> {
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n");
        self.reader.get_mut().write_all(req.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut len = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body)?;
        Ok((status, body))
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

/// Runs `paths` round-robin over `clients` threads until `requests` are done or `cap` passes.
fn run(
    name: &str,
    addr: SocketAddr,
    paths: &[String],
    requests: usize,
    clients: usize,
    cap: Duration,
) -> bool {
    let start = Instant::now();
    let per = requests.div_ceil(clients);
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                s.spawn(move || {
                    let mut lat = Vec::with_capacity(per);
                    let mut errors = 0;
                    let mut conn = match Conn::open(addr) {
                        Ok(c) => c,
                        Err(_) => return (lat, per),
                    };
                    for i in 0..per {
                        if start.elapsed() > cap {
                            break;
                        }
                        let path = &paths[(c * per + i) % paths.len()];
                        let t = Instant::now();
                        match conn.get(addr, path) {
                            Ok((200, _)) => lat.push(t.elapsed()),
                            Ok(_) => errors += 1,
                            Err(_) => {
                                errors += 1;
                                match Conn::open(addr) {
                                    Ok(c) => conn = c,
                                    Err(_) => return (lat, errors + per - i - 1),
                                }
                            }
                        }
                    }
                    (lat, errors)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((Vec::new(), per)))
            .collect()
    });
    let elapsed = start.elapsed();
    let mut lat: Vec<Duration> = results.iter().flat_map(|r| r.0.iter().copied()).collect();
    let errors: usize = results.iter().map(|r| r.1).sum();
    lat.sort();
    println!(
        "{name:<10} {:>6} ok {:>3} errors {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  ({:.1} s)",
        lat.len(),
        errors,
        lat.len() as f64 / elapsed.as_secs_f64(),
        percentile(&lat, 0.50).as_secs_f64() * 1e3,
        percentile(&lat, 0.99).as_secs_f64() * 1e3,
        lat.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
        elapsed.as_secs_f64(),
    );
    errors == 0
}

fn main() -> std::process::ExitCode {
    let mut addr: SocketAddr = ([127, 0, 0, 1], 8080).into();
    let (mut requests, mut clients, mut seconds) = (2000usize, 4usize, 60u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        let ok = match a.as_str() {
            "--addr" => v.parse().map(|x| addr = x).is_ok(),
            "--requests" => v.parse().map(|x| requests = x).is_ok(),
            "--clients" => v.parse().map(|x: usize| clients = x.max(1)).is_ok(),
            "--seconds" => v.parse().map(|x| seconds = x).is_ok(),
            _ => false,
        };
        if !ok {
            eprintln!(
                "usage: load [--addr 127.0.0.1:8080] [--requests N] [--clients N] [--seconds N]"
            );
            return std::process::ExitCode::from(2);
        }
    }
    if !addr.ip().is_loopback() {
        eprintln!("load: loopback addresses only");
        return std::process::ExitCode::from(2);
    }
    // Document ids to view, from the listing; search terms common in news text.
    let mut conn = match Conn::open(addr) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("load: cannot connect to {addr}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let ids: Vec<String> = conn
        .get(addr, "/api/documents?limit=200")
        .ok()
        .and_then(|(_, b)| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v["documents"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|d| d["id"].as_str().map(|s| format!("/api/documents/{s}")))
        .collect();
    if ids.is_empty() {
        eprintln!("load: the store has no documents");
        return std::process::ExitCode::FAILURE;
    }
    let words = [
        "Tokayev",
        "president",
        "said",
        "water",
        "health",
        "government",
        "police",
        "climate",
        "market",
        "\"security council\"",
        "Kazakh*",
        "election",
    ];
    let searches: Vec<String> = words
        .iter()
        .map(|w| {
            format!(
                "/api/search?q={}&limit=20",
                w.replace('"', "%22").replace(' ', "%20")
            )
        })
        .collect();
    let cap = Duration::from_secs(seconds);
    println!("{requests} requests per scenario, {clients} clients, cap {seconds} s, server {addr}");
    let a = run("search", addr, &searches, requests, clients, cap);
    let b = run("document", addr, &ids, requests, clients, cap);
    if a && b {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
