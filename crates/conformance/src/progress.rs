//! Progress while a run goes: an indicatif bar on a terminal, periodic plain lines otherwise
//! (CI logs).

use std::{
    io::IsTerminal,
    sync::{
        Mutex, PoisonError,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use indicatif::{ProgressBar, ProgressStyle};

use crate::protocol::Outcome;

/// How often a line is printed when stdout is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(15);

pub struct Progress {
    total: usize,
    done: AtomicUsize,
    failed: AtomicUsize,
    bar: Option<ProgressBar>,
    started: Instant,
    last_line: Mutex<Instant>,
}

impl Progress {
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = (!quiet && std::io::stdout().is_terminal()).then(|| {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} eta {eta} {msg}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Self {
            total,
            done: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            bar,
            started: Instant::now(),
            last_line: Mutex::new(if quiet {
                // Never print: the next line would be due in a very long time.
                Instant::now() + Duration::from_secs(365 * 86_400)
            } else {
                Instant::now()
            }),
        }
    }

    pub fn record(&self, outcome: Outcome) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let failed = if outcome.is_failure() {
            self.failed.fetch_add(1, Ordering::Relaxed) + 1
        } else {
            self.failed.load(Ordering::Relaxed)
        };
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
            let rate = done as f64 / self.started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!("{rate:.0}/s, {failed} not passing"));
            return;
        }
        let mut last = self
            .last_line
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if last.elapsed() >= LINE_EVERY {
            *last = Instant::now();
            let seconds = self.started.elapsed().as_secs_f64();
            println!(
                "progress: {done}/{} ({:.1}%), {failed} not passing, {:.0} executions/s",
                self.total,
                100.0 * done as f64 / self.total.max(1) as f64,
                done as f64 / seconds.max(0.001)
            );
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
