//! Decoding responses into the generated types against `serde_json::Value` from the same
//! bytes, and encoding variables.
//!
//! Payloads are the docs page's response examples with their placeholders filled (as in
//! the `response_examples` test): two small ones, and one whose list is grown to
//! 10,000 elements.

#[path = "../tests/support/examples.rs"]
mod examples;

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kraken_codegen::ir::Ir;
use kraken_codegen::project::Project;
use kraken_jp::operations::{
    create_konbini_payment, obtain_kraken_token, set_up_direct_debit_instruction,
    update_account_consents,
};
use kraken_jp::types::{
    BankDetailsInput, OwnerInput, PaymentInstructionOwnerTypeChoices,
    SetUpDirectDebitInstructionInput,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Elements in the large payload's list.
const LARGE_LIST: usize = 10_000;

/// The filled docs example of the operation on `root_field`: its `data` object.
fn example_data(ir: &Ir, root_field: &str) -> Value {
    let operation = ir
        .operations
        .iter()
        .find(|operation| operation.root_field == root_field)
        .unwrap_or_else(|| panic!("no operation `{root_field}`"));
    let example = operation
        .docs
        .as_ref()
        .and_then(|docs| docs.response_example.as_deref())
        .unwrap_or_else(|| panic!("`{root_field}` has no response example"));
    let mut filled = examples::fill(example, &operation.selection, ir)
        .unwrap_or_else(|error| panic!("{root_field}: {error}"));
    filled["data"].take()
}

/// Benches decoding `bytes` into `T` and into `Value`, after checking that `T` accepts them.
fn decode_pair<T: DeserializeOwned>(c: &mut Criterion, name: &str, bytes: &[u8]) {
    serde_json::from_slice::<T>(bytes).unwrap_or_else(|error| panic!("{name}: {error}"));
    let mut group = c.benchmark_group(format!("decode_{name}"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(bytes)).unwrap())
    });
    group.bench_function("value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(bytes)).unwrap())
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    let generated = Project::new(Path::new(env!("CARGO_MANIFEST_DIR")))
        .generate()
        .expect("the JP project generates");
    let ir = generated.ir();

    let small = serde_json::to_vec(&example_data(ir, "createKonbiniPayment")).unwrap();
    decode_pair::<create_konbini_payment::ResponseData>(c, "small_create_konbini_payment", &small);
    let small = serde_json::to_vec(&example_data(ir, "obtainKrakenToken")).unwrap();
    decode_pair::<obtain_kraken_token::ResponseData>(c, "small_obtain_kraken_token", &small);

    let mut large = example_data(ir, "updateAccountConsents");
    let consents = large["updateAccountConsents"]["consents"]
        .as_array_mut()
        .expect("the example's consents are a list");
    let consent = consents[0].clone();
    *consents = vec![consent; LARGE_LIST];
    let large = serde_json::to_vec(&large).unwrap();
    decode_pair::<update_account_consents::ResponseData>(
        c,
        "large_update_account_consents_10k",
        &large,
    );
}

fn encode(c: &mut Criterion) {
    let bank_details = BankDetailsInput::new()
        .account_holder("ヤマダ タロウ".to_string())
        .account_number("1234567".to_string())
        .account_type("ORDINARY".to_string())
        .bank_code("0001".to_string())
        .branch_code("001".to_string());
    let owners = (0..3)
        .map(|index| {
            Some(
                OwnerInput::new()
                    .owner_id(format!("owner-{index}"))
                    .owner_type(PaymentInstructionOwnerTypeChoices::AccountUser),
            )
        })
        .collect::<Vec<_>>();
    let valid_from = "2024-04-01T00:00:00+09:00".parse().unwrap();
    let input =
        SetUpDirectDebitInstructionInput::new("A-1234ABCD".into(), valid_from, bank_details)
            .ledger_number(kraken_jp::Nullable::Null)
            .owners(owners)
            .use_for_automated_payments(true);
    let variables = set_up_direct_debit_instruction::Variables::new(input);
    let value = serde_json::to_value(&variables).unwrap();

    let mut group = c.benchmark_group("encode_set_up_direct_debit_instruction");
    group.bench_function("typed", |b| {
        b.iter(|| serde_json::to_vec(black_box(&variables)).unwrap())
    });
    group.bench_function("value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);
