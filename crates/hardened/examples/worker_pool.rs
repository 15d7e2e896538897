//! A host that runs untrusted plugin code in supervised worker processes: each request in a
//! fresh compartment of a child process with a memory ceiling and CPU and wall-clock deadlines.
//! A request that runs into a ceiling ends its worker and gets `Error::Limit`; the pool starts
//! a new worker and this process never notices more than the error.
//!
//! ```text
//! cargo run --release -p hardened --example worker_pool -- '6 * 7' 'for (;;) {}' \
//!     "price('tea') * 3" "const k = []; for (;;) k.push('x'.repeat(1 << 20) + k.length)"
//! ```
//!
//! With no arguments it reads one source per line from standard input. Each result is printed
//! as JSON, or the error, with how long the request took.

use std::{io::BufRead, time::Duration, time::Instant};

use hardened::{
    Error,
    worker::{HostFunctions, Pool, serde_json::json, serve_if_worker},
};

/// The Rust functions the workers offer; this pool endows `price`.
fn host_functions() -> HostFunctions {
    HostFunctions::new().function("price", 1, |args| match args.first() {
        Some(item) if item == "tea" => Ok(json!(2.5)),
        Some(item) if item == "cake" => Ok(json!(4)),
        other => Err(format!("no price for {other:?}")),
    })
}

fn main() -> Result<(), Error> {
    // In a worker process this serves the pool and never returns.
    serve_if_worker(host_functions());
    let pool = Pool::builder()
        .workers(2)
        .max_memory(256 << 20)
        .cpu_time(Duration::from_millis(500))
        .timeout(Duration::from_secs(2))
        .global("currency", json!("EUR"))
        .function("price")
        .build()?;
    let sources: Vec<String> = match std::env::args().skip(1).collect::<Vec<_>>() {
        args if !args.is_empty() => args,
        _ => std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .collect(),
    };
    for source in sources {
        let started = Instant::now();
        let result = pool.evaluate(&source);
        let took = started.elapsed().as_secs_f64() * 1e3;
        match result {
            Ok(value) => println!("ok ({took:.0} ms): {value}"),
            Err(error) => println!("error ({took:.0} ms): {error}"),
        }
    }
    Ok(())
}
