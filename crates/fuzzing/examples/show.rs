//! Prints the guest program the generator makes of the given bytes (decimal), to read a
//! fuzzing finding: `cargo run --release -p hardened-fuzzing --example show -- 10 197 219`.

fn main() {
    let bytes: Result<Vec<u8>, _> = std::env::args().skip(1).map(|b| b.parse::<u8>()).collect();
    match bytes {
        Ok(bytes) => println!("{}", hardened_fuzzing::program(&bytes)),
        Err(error) => eprintln!("bytes are decimal numbers from 0 to 255: {error}"),
    }
}
