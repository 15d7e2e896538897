//! A pool of worker threads, each owning one locked-down [`Engine`], serving requests sent over
//! `std::sync::mpsc` channels.
//!
//! An `Engine` is not `Send` (Boa's garbage collector and values are per thread), so engines
//! never move: each worker builds its own, and only Rust data crosses threads, as requests
//! (source text) and replies (JSON text or an error message). Each request runs in a fresh
//! compartment of its worker's engine, so requests do not see each other's globals whichever
//! worker serves them; a runaway request is stopped by the worker's limits and the worker goes
//! on to the next.
//!
//! Run it with `cargo run --release -p hardened --example engine_pool`.

use std::{
    sync::{Arc, Mutex, mpsc},
    thread,
    time::Duration,
};

use hardened::{CompartmentOptions, Engine, Error, Limits, LockdownOptions};

type BoxError = Box<dyn std::error::Error>;

/// Some of Boa's natives recurse per level of their input (`JSON.stringify` of a deep object):
/// a large reserved stack turns those into ordinary results (docs/architecture.md, Robustness).
const WORKER_STACK: usize = 256 << 20;

/// What a worker answers: the result as JSON text, or the error as `Name: message`.
type Reply = Result<String, String>;

/// A request: the source to evaluate and where to send the reply.
struct Job {
    id: usize,
    source: String,
    reply: mpsc::Sender<(usize, Reply)>,
}

/// N threads, each with one engine; jobs go to whichever worker is free.
struct Pool {
    jobs: Option<mpsc::Sender<Job>>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl Pool {
    /// Starts `size` workers and waits until each has a locked-down engine.
    fn new(size: usize, limits: &Limits) -> Result<Self, BoxError> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let (ready, started) = mpsc::channel::<Result<(), String>>();
        let mut workers = Vec::with_capacity(size);
        for index in 0..size {
            let queue = Arc::clone(&queue);
            let ready = ready.clone();
            let limits = limits.clone();
            let worker = thread::Builder::new()
                .name(format!("engine-{index}"))
                .stack_size(WORKER_STACK)
                .spawn(move || work(&queue, &limits, &ready))?;
            workers.push(worker);
        }
        drop(ready);
        let pool = Self {
            jobs: Some(jobs),
            workers,
        };
        for _ in 0..size {
            started.recv()??;
        }
        Ok(pool)
    }

    /// Evaluates every source, spread over the workers; replies come back in request order.
    fn evaluate_all(&self, sources: &[&str]) -> Result<Vec<Reply>, BoxError> {
        let jobs = self.jobs.as_ref().ok_or("the pool is shut down")?;
        let (reply, replies) = mpsc::channel();
        for (id, source) in sources.iter().enumerate() {
            jobs.send(Job {
                id,
                source: (*source).to_owned(),
                reply: reply.clone(),
            })?;
        }
        drop(reply);
        let mut answers: Vec<Option<Reply>> = vec![None; sources.len()];
        // Ends once every job's sender is dropped, that is once every job was answered (or
        // its worker died).
        for (id, answer) in replies {
            answers[id] = Some(answer);
        }
        answers
            .into_iter()
            .enumerate()
            .map(|(id, answer)| answer.ok_or_else(|| format!("request {id} got no reply").into()))
            .collect()
    }
}

impl Drop for Pool {
    /// Closes the queue (each worker's `recv` then fails and it returns) and joins the workers.
    fn drop(&mut self) {
        self.jobs = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// A worker: builds its engine on its own thread, then serves jobs until the queue closes.
fn work(
    queue: &Mutex<mpsc::Receiver<Job>>,
    limits: &Limits,
    ready: &mpsc::Sender<Result<(), String>>,
) {
    let mut engine = match start_engine(limits) {
        Ok(engine) => engine,
        Err(error) => {
            let _ = ready.send(Err(error.to_string()));
            return;
        }
    };
    let _ = ready.send(Ok(()));
    loop {
        // The lock is held only while waiting for the next job, never while running one.
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(job) = next else { return };
        let answer = evaluate(&mut engine, &job.source).map_err(|error| error.to_string());
        let _ = job.reply.send((job.id, answer));
    }
}

fn start_engine(limits: &Limits) -> Result<Engine, Error> {
    let mut engine = Engine::new()?;
    engine.lockdown(LockdownOptions::default())?;
    engine.set_limits(limits.clone());
    Ok(engine)
}

/// Evaluates `source` in a fresh compartment; the result as JSON text (`JSON.stringify` runs as
/// guest code under the limits, in a compartment the request never touched).
fn evaluate(engine: &mut Engine, source: &str) -> Result<String, Error> {
    let request = engine.new_compartment(CompartmentOptions::new().name("request"))?;
    let value = engine.evaluate_value(&request, source);
    // Jobs the request queued run now, under its limits: left in the queue, they would run
    // during the next request this worker serves.
    let drained = engine.run_jobs();
    let value = value?;
    drained?;
    let serializer = engine.new_compartment(CompartmentOptions::new().global("value", value))?;
    let json: Option<String> = engine.evaluate(&serializer, "JSON.stringify(value)")?;
    Ok(json.unwrap_or_else(|| "undefined".into()))
}

/// The batch `main` sends: `(source, expected reply)`.
const BATCH: &[(&str, Result<&str, &str>)] = &[
    ("6 * 7", Ok("42")),
    ("[1, 2, 3].map(n => n * 10)", Ok("[10,20,30]")),
    ("'pool'.toUpperCase()", Ok("\"POOL\"")),
    (
        "let sum = 0; for (let i = 1; i <= 100; i++) sum += i; sum",
        Ok("5050"),
    ),
    ("globalThis.secret = 'request 4'", Ok("\"request 4\"")),
    ("typeof secret", Ok("\"undefined\"")),
    ("Object.isFrozen(Array.prototype)", Ok("true")),
    (
        "for (;;) {}",
        Err("limit reached: a loop exceeded the iteration limit"),
    ),
    (
        "null.x",
        Err("TypeError: cannot convert 'null' or 'undefined' to object"),
    ),
    (
        "JSON.parse('{\"a\":[1,{\"b\":2}]}')",
        Ok("{\"a\":[1,{\"b\":2}]}"),
    ),
    (
        "Array.from({ length: 5 }, (_, i) => i * i)",
        Ok("[0,1,4,9,16]"),
    ),
    ("new Map([[1, 2]]).size", Ok("1")),
];

fn main() -> Result<(), BoxError> {
    let limits = Limits::new()
        .loop_iterations(1_000_000)
        .timeout(Duration::from_secs(1));
    let pool = Pool::new(3, &limits)?;
    let sources: Vec<&str> = BATCH.iter().map(|(source, _)| *source).collect();
    let replies = pool.evaluate_all(&sources)?;
    for ((source, expected), reply) in BATCH.iter().zip(&replies) {
        match reply {
            Ok(json) => println!("{source}\n  = {json}"),
            Err(error) => println!("{source}\n  ! {error}"),
        }
        let expected = expected.map(str::to_owned).map_err(str::to_owned);
        if *reply != expected {
            return Err(format!("{source}: expected {expected:?}, got {reply:?}").into());
        }
    }
    // A second batch on the same workers: they survived the runaway request.
    let again = pool.evaluate_all(&["typeof secret", "1 + 1"])?;
    if again != [Ok("\"undefined\"".to_owned()), Ok("2".to_owned())] {
        return Err(format!("second batch: {again:?}").into());
    }
    println!(
        "{} requests answered by 3 engines",
        BATCH.len() + again.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs() {
        main().unwrap();
    }

    #[test]
    fn shutting_down_joins_every_worker() {
        let pool = Pool::new(2, &Limits::new()).unwrap();
        assert_eq!(
            pool.evaluate_all(&["'up'"]).unwrap(),
            [Ok("\"up\"".to_owned())]
        );
        drop(pool); // returns only once both workers have ended
    }
}
