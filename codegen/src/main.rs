//! The `kraken-codegen` command.

use clap::Parser;

#[derive(Parser)]
#[command(name = "kraken-codegen", version, about)]
enum Command {}

fn main() {
    Command::parse();
}
