//! The behaviour class of each error code, generated from `schema/catalogue/error_classes.toml`,
//! and the kind of each operation.

use kraken_jp::operations::{obtain_kraken_token, regenerate_secret_key};
use kraken_jp::{ErrorClass, ErrorCode, ErrorCodeSet, Operation, OperationKind};

#[test]
fn every_classified_code_has_its_class() {
    let classes: Vec<(&str, ErrorClass)> = ErrorCode::CLASSES
        .iter()
        .map(|(code, class)| (code.code(), *class))
        .collect();
    assert_eq!(
        classes,
        [
            ("KT-CT-1120", ErrorClass::ExpiredToken),
            ("KT-CT-1124", ErrorClass::ExpiredToken),
            ("KT-CT-1134", ErrorClass::RefreshRefused),
            ("KT-CT-1135", ErrorClass::RefreshRefused),
            ("KT-CT-1138", ErrorClass::CredentialsRefused),
            ("KT-CT-1139", ErrorClass::RefreshRefused),
            ("KT-CT-1188", ErrorClass::QueryTooLarge),
            ("KT-CT-1189", ErrorClass::QueryTooLarge),
            ("KT-CT-1199", ErrorClass::RateLimited),
            ("KT-CT-1201", ErrorClass::QueryTooLarge),
        ]
    );
    for (code, class) in classes {
        assert_eq!(ErrorCode::from_code(code).class(), class, "{code}");
    }
}

#[test]
fn codes_the_docs_page_lacks_are_variants_with_their_message() {
    let expired = ErrorCode::from_code("KT-CT-1124");
    assert_eq!(expired, ErrorCode::KtCt1124);
    assert_eq!(
        expired.to_string(),
        "KT-CT-1124: Signature of the JWT has expired."
    );
}

#[test]
fn other_codes_are_of_class_other() {
    assert_eq!(ErrorCode::KtCt1111.class(), ErrorClass::Other);
    assert_eq!(
        ErrorCode::from_code("KT-XX-0000").class(),
        ErrorClass::Other
    );
}

#[test]
fn an_operation_classifies_codes_it_does_not_document() {
    use obtain_kraken_token::ErrorCode as Code;
    assert_eq!(Code::KtCt1135.class(), ErrorClass::RefreshRefused);
    let expired = Code::from_code("KT-CT-1124");
    assert_eq!(expired, Code::Other("KT-CT-1124".to_string()));
    assert_eq!(ErrorCodeSet::class(&expired), ErrorClass::ExpiredToken);
    assert_eq!(Code::KtCt1113.class(), ErrorClass::Other);
}

#[test]
fn operations_say_whether_they_only_read() {
    assert_eq!(
        obtain_kraken_token::ObtainKrakenToken::KIND,
        OperationKind::Mutation
    );
    assert_eq!(
        regenerate_secret_key::RegenerateSecretKey::KIND,
        OperationKind::Mutation
    );
}
