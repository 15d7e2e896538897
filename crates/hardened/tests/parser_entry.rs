//! The one entry to Boa's parser: no module outside `src/parse/` names Boa's parsing or
//! compiling entry points, so every text reaches them through `parse::guarded` (which bounds the
//! stack the parse needs and checks guest code).

use std::path::Path;

const ENTRY_POINTS: &[&str] = &[
    "Script::parse",
    "Module::parse",
    "Parser::new",
    "boa_parser::Parser",
    "Context::eval",
    ".eval(Source",
];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source directory") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_parse_module_names_boas_parser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let parse = src.join("parse");
    let mut offenders = Vec::new();
    for file in files.iter().filter(|file| !file.starts_with(&parse)) {
        let text = std::fs::read_to_string(file).expect("readable");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            // `Module::parse_json` parses JSON with Boa's bounded JSON parser, not the JS parser.
            if ENTRY_POINTS
                .iter()
                .any(|name| code.contains(name) && !code.contains("Module::parse_json"))
            {
                offenders.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(files.len() > 20, "found the sources");
    assert!(
        offenders.is_empty(),
        "Boa's parser named outside src/parse/:\n{}",
        offenders.join("\n")
    );
}
