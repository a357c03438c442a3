#![forbid(unsafe_code)]
//! Thin entry point: parse the command line, then run a subcommand or the TUI.

fn main() {
    std::process::exit(twohats::cli::main());
}
