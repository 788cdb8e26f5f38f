//! Response fields that carry credentials decode into `Secret`: the value is kept, and
//! `Debug` of the response never shows it.

use kraken_jp::operations::{obtain_kraken_token, regenerate_secret_key};
use serde_json::json;

#[test]
fn a_regenerated_key_decodes_and_stays_out_of_debug() {
    let data: regenerate_secret_key::ResponseData = serde_json::from_value(json!({
        "regenerateSecretKey": {"key": "sk_live_abc123", "viewer": null}
    }))
    .unwrap();
    let payload = data.regenerate_secret_key.as_ref().unwrap();
    assert_eq!(payload.key.expose(), "sk_live_abc123");
    assert_eq!(
        format!("{data:?}"),
        "ResponseData { regenerate_secret_key: Some(Payload { key: Secret(<redacted>), viewer: None }) }"
    );
}

#[test]
fn kraken_tokens_decode_and_stay_out_of_debug() {
    let data: obtain_kraken_token::ResponseData = serde_json::from_value(json!({
        "obtainKrakenToken": {
            "token": "jwt-access-value",
            "payload": {"exp": 1},
            "refreshToken": "refresh-value",
            "refreshExpiresIn": 2
        }
    }))
    .unwrap();
    let issued = data.obtain_kraken_token.as_ref().unwrap();
    assert_eq!(issued.token.expose(), "jwt-access-value");
    assert_eq!(
        issued.refresh_token.as_ref().map(|token| token.expose()),
        Some("refresh-value")
    );
    #[allow(deprecated)] // `possibleErrors`
    let none = &issued.possible_errors;
    assert_eq!(
        format!("{data:?}"),
        format!(
            "ResponseData {{ obtain_kraken_token: Some(Payload {{ possible_errors: {none:?}, \
             token: Secret(<redacted>), payload: Object {{\"exp\": Number(1)}}, \
             refresh_token: Some(Secret(<redacted>)), refresh_expires_in: Some(2) }}) }}"
        )
    );
}
