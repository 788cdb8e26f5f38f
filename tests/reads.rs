//! The catalogue's reads through the client over real HTTP: each sends its checked-in wire
//! document, decodes a realistic answer (every member of the union `Product`, and one the
//! schema does not know), and an answer refusing the request for one of Kraken's limits
//! gives the typed error code.

mod client_support;

use std::time::{Duration, SystemTime};

use client_support::*;
use kraken_jp::operations::{
    account_details, half_hourly_readings, postal_areas, rate_limit_info, tariff_summary,
    viewer_accounts,
};
use kraken_jp::types::{AccountStatus, HalfHourlyReadingsVersions, SupplyPointStatus};
use kraken_jp::{DateTime, Error, ErrorClass, ErrorCode, KrakenApi, Operation};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn decimal(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn date_time(text: &str) -> DateTime {
    text.parse().expect("an RFC 3339 date and time")
}

/// A server answering every request on `/` with `body`.
async fn answering(body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// Executes `O` against a server answering `data`, checks that the request was the
/// operation's wire document (`document`, from `generated/documents/`) with `variables`
/// and no `Authorization` header, and returns the decoded data.
async fn read<O: Operation>(
    variables: &O::Variables,
    data: Value,
    document: &str,
    sent_variables: Value,
) -> O::ResponseData
where
    O::ResponseData: std::fmt::Debug,
{
    let server = answering(json!({ "data": data })).await;
    let decoded = client_for(&server)
        .execute::<O>(variables)
        .await
        .expect("the answer decodes");
    assert_eq!(
        received(&server).await,
        vec![(
            json!({
                "query": document,
                "operationName": O::OPERATION_NAME,
                "variables": sent_variables,
            }),
            None,
        )]
    );
    decoded
}

#[tokio::test]
async fn viewer_accounts_lists_each_account() {
    let data = read::<viewer_accounts::ViewerAccounts>(
        &viewer_accounts::Variables::new(),
        json!({"viewer": {"id": "1234", "accounts": [
            {"__typename": "Account", "number": "A-1234ABCD", "status": "ACTIVE",
             "balance": 5120, "overdueBalance": 0, "billingName": "山田 太郎"},
            {"__typename": "Account", "number": "A-9876ZYXW", "status": "WITHDRAWN",
             "balance": -310, "overdueBalance": null, "billingName": null}
        ]}}),
        include_str!("../generated/documents/viewerAccounts.graphql"),
        json!({}),
    )
    .await;
    let viewer = data.viewer.expect("a viewer");
    assert_eq!(viewer.id, "1234");
    let accounts: Vec<_> = viewer
        .accounts
        .expect("a list")
        .into_iter()
        .map(|account| {
            let account = account.expect("an account");
            (
                account.number,
                account.status,
                account.balance,
                account.overdue_balance,
                account.billing_name,
            )
        })
        .collect();
    assert_eq!(
        accounts,
        [
            (
                Some("A-1234ABCD".to_string()),
                Some(AccountStatus::Active),
                5120,
                Some(0),
                Some("山田 太郎".to_string())
            ),
            (
                Some("A-9876ZYXW".to_string()),
                Some(AccountStatus::Withdrawn),
                -310,
                None,
                None
            ),
        ]
    );
}

/// An agreement of `accountDetails` whose product is `product`.
fn agreement(id: i64, product: Value) -> Value {
    json!({
        "id": id,
        "validFrom": "2026-04-01T00:00:00+09:00",
        "validTo": null,
        "product": product,
    })
}

/// A rate as every rate type of the products has it.
fn rate(price: &str) -> Value {
    json!({
        "pricePerUnitIncTax": price,
        "unitType": "KILOWATT_HOURS",
        "validFrom": "2026-04-01T00:00:00+09:00",
        "validTo": null,
    })
}

fn account_details_answer() -> Value {
    let mut stepped_rate = rate("29.80");
    stepped_rate["band"] = json!("B");
    stepped_rate["stepStart"] = json!(121);
    stepped_rate["stepEnd"] = json!(300);
    let mut single_rate = rate("26.50");
    single_rate["band"] = json!("A");
    single_rate["timeOfUse"] = json!(null);
    let mut standing = rate("311.75");
    standing["unitType"] = json!("DAYS");
    let mut gas_rate = rate("180.21");
    gas_rate["tierStart"] = json!(0);
    gas_rate["tierEnd"] = json!(20);
    let mut gas_standing = gas_rate.clone();
    gas_standing["pricePerUnitIncTax"] = json!("1056.00");
    gas_standing["unitType"] = json!("MONTHS");
    let fuel_cost = json!({
        "pricePerUnitIncTax": "-2.14",
        "unitType": "KILOWATT_HOURS",
        "validFrom": "2026-11-01T00:00:00+09:00",
        "validTo": "2026-12-01T00:00:00+09:00",
    });
    json!({"account": {
        "number": "A-1234ABCD",
        "status": "ACTIVE",
        "balance": 5120,
        "overdueBalance": 0,
        "billingName": "山田 太郎",
        "properties": [{
            "id": "321",
            "postcode": "150-0001",
            "address": "東京都渋谷区神宮前1-2-3",
            "electricitySupplyPoints": [{
                "spin": "0300111234567890123456",
                "status": "ON_SUPPLY",
                "agreements": [
                    agreement(1, json!({
                        "__typename": "ElectricitySingleStepProduct",
                        "code": "SIMPLE-OCTOPUS-2026-04",
                        "displayName": "シンプルオクトパス",
                        "standingChargeUnitType": "DAYS",
                        "standingChargePricePerDay": "0.00",
                        "standingCharges": [standing],
                        "consumptionCharges": [single_rate],
                        "fuelCostAdjustment": fuel_cost,
                    })),
                    agreement(2, json!({
                        "__typename": "ElectricitySteppedProduct",
                        "code": "GREEN-OCTOPUS-2026-04",
                        "displayName": "グリーンオクトパス",
                        "standingChargeUnitType": null,
                        "standingChargePricePerDay": null,
                        "standingCharges": [],
                        "consumptionCharges": [stepped_rate],
                        "fuelCostAdjustment": null,
                    })),
                    agreement(3, json!({
                        "__typename": "ElectricityFitProduct",
                        "code": "FIT-2026",
                        "displayName": "FIT",
                        "generationCredits": [rate("8.50")],
                    })),
                    agreement(4, json!({
                        "__typename": "GasTieredProduct",
                        "code": "GAS-2026-04",
                        "displayName": "オクトパスガス",
                        "standingChargeUnitType": "MONTHS",
                        "standingCharges": [gas_standing],
                        "consumptionCharges": [gas_rate],
                    })),
                    agreement(5, json!({
                        "__typename": "ElectricityDynamicProduct",
                        "code": "DYNAMIC-2027",
                    })),
                ],
            }],
        }],
    }})
}

#[tokio::test]
async fn account_details_decode_every_product_and_an_unknown_one() {
    use account_details::PropertiesElectricitySupplyPointsAgreementsProduct as Product;

    let data = read::<account_details::AccountDetails>(
        &account_details::Variables::new("A-1234ABCD".to_string()),
        account_details_answer(),
        include_str!("../generated/documents/accountDetails.graphql"),
        json!({"accountNumber": "A-1234ABCD"}),
    )
    .await;
    let account = data.account.expect("an account");
    assert_eq!(
        (account.number.as_deref(), account.status, account.balance),
        (Some("A-1234ABCD"), Some(AccountStatus::Active), 5120)
    );
    let property = account.properties.expect("a list")[0]
        .clone()
        .expect("a property");
    assert_eq!(property.postcode.as_deref(), Some("150-0001"));
    let point = property.electricity_supply_points.expect("a list")[0]
        .clone()
        .expect("a supply point");
    assert_eq!(
        (point.spin.as_str(), &point.status),
        ("0300111234567890123456", &SupplyPointStatus::OnSupply)
    );
    let agreements: Vec<_> = point
        .agreements
        .into_iter()
        .map(|agreement| agreement.expect("an agreement"))
        .collect();
    assert_eq!(agreements.len(), 5);
    let first = &agreements[0];
    assert_eq!(
        (
            first.id,
            first.valid_from.as_ref().map(|at| at.to_rfc3339()),
            first.valid_to.is_none()
        ),
        (Some(1), Some("2026-04-01T00:00:00+09:00".to_string()), true)
    );
    let products: Vec<Product> = agreements
        .into_iter()
        .map(|agreement| agreement.product.expect("a product"))
        .collect();

    let Product::ElectricitySingleStepProduct(single) = &products[0] else {
        panic!("not single-step: {:?}", products[0]);
    };
    assert_eq!(single.code, "SIMPLE-OCTOPUS-2026-04");
    assert_eq!(single.standing_charge_price_per_day, Some(decimal("0.00")));
    let standing = single.standing_charges[0].as_ref().expect("a charge");
    assert_eq!(
        (
            standing.price_per_unit_inc_tax,
            standing.unit_type.as_deref()
        ),
        (decimal("311.75"), Some("DAYS"))
    );
    let charge = single.consumption_charges[0].as_ref().expect("a rate");
    assert_eq!(
        (charge.price_per_unit_inc_tax, charge.band.as_deref()),
        (decimal("26.50"), Some("A"))
    );
    let fuel_cost = single.fuel_cost_adjustment.as_ref().expect("an adjustment");
    assert_eq!(
        (
            fuel_cost.price_per_unit_inc_tax,
            fuel_cost.valid_from.to_rfc3339(),
            fuel_cost.valid_to.to_rfc3339()
        ),
        (
            decimal("-2.14"),
            "2026-11-01T00:00:00+09:00".to_string(),
            "2026-12-01T00:00:00+09:00".to_string()
        )
    );

    let Product::ElectricitySteppedProduct(stepped) = &products[1] else {
        panic!("not stepped: {:?}", products[1]);
    };
    let step = stepped.consumption_charges[0].as_ref().expect("a rate");
    assert_eq!(
        (
            stepped.code.as_str(),
            step.price_per_unit_inc_tax,
            step.step_start,
            step.step_end,
            stepped.fuel_cost_adjustment.is_none()
        ),
        (
            "GREEN-OCTOPUS-2026-04",
            decimal("29.80"),
            Some(121),
            Some(300),
            true
        )
    );

    let Product::ElectricityFitProduct(fit) = &products[2] else {
        panic!("not a feed-in tariff: {:?}", products[2]);
    };
    let credit = fit.generation_credits[0].as_ref().expect("a rate");
    assert_eq!(
        (fit.code.as_str(), credit.price_per_unit_inc_tax),
        ("FIT-2026", decimal("8.50"))
    );

    let Product::GasTieredProduct(gas) = &products[3] else {
        panic!("not gas: {:?}", products[3]);
    };
    let gas_standing = gas.standing_charges[0].as_ref().expect("a charge");
    let gas_rate = gas.consumption_charges[0].as_ref().expect("a rate");
    assert_eq!(
        (
            gas.code.as_str(),
            gas_standing.price_per_unit_inc_tax,
            gas_rate.price_per_unit_inc_tax,
            gas_rate.tier_start,
            gas_rate.tier_end
        ),
        (
            "GAS-2026-04",
            decimal("1056.00"),
            decimal("180.21"),
            Some(0),
            Some(20)
        )
    );

    let Product::UnknownMember(unknown) = &products[4] else {
        panic!(
            "a member the schema lacks decoded as a known one: {:?}",
            products[4]
        );
    };
    assert_eq!(unknown.typename, "ElectricityDynamicProduct");
}

#[tokio::test]
async fn half_hourly_readings_send_timezone_aware_bounds() {
    let from = date_time("2026-12-01T00:00:00+09:00");
    let to = date_time("2026-12-02T00:00:00+09:00");
    let data = read::<half_hourly_readings::HalfHourlyReadings>(
        &half_hourly_readings::Variables::new("A-1234ABCD".to_string(), from, to),
        json!({"account": {"properties": [{"electricitySupplyPoints": [{
            "spin": "0300111234567890123456",
            "halfHourlyReadings": [
                {"startAt": "2026-12-01T00:00:00+09:00", "endAt": "2026-12-01T00:30:00+09:00",
                 "value": "0.42", "costEstimate": "11.13", "version": "DAILY",
                 "consumptionRateBand": "A"},
                {"startAt": "2026-12-01T00:30:00+09:00", "endAt": "2026-12-01T01:00:00+09:00",
                 "value": "0.38", "costEstimate": "10.07", "version": "UPDATED",
                 "consumptionRateBand": "A"}
            ]
        }]}]}}),
        include_str!("../generated/documents/halfHourlyReadings.graphql"),
        json!({
            "accountNumber": "A-1234ABCD",
            "fromDatetime": "2026-12-01T00:00:00+09:00",
            "toDatetime": "2026-12-02T00:00:00+09:00",
        }),
    )
    .await;
    let point = data
        .account
        .expect("an account")
        .properties
        .expect("a list")[0]
        .clone()
        .expect("a property")
        .electricity_supply_points
        .expect("a list")[0]
        .clone()
        .expect("a supply point");
    assert_eq!(point.spin, "0300111234567890123456");
    let readings: Vec<_> = point
        .half_hourly_readings
        .iter()
        .map(|reading| {
            (
                reading.start_at.to_rfc3339(),
                reading.end_at.to_rfc3339(),
                reading.value,
                reading.cost_estimate,
                reading.version.clone(),
            )
        })
        .collect();
    assert_eq!(
        readings,
        [
            (
                "2026-12-01T00:00:00+09:00".to_string(),
                "2026-12-01T00:30:00+09:00".to_string(),
                decimal("0.42"),
                decimal("11.13"),
                HalfHourlyReadingsVersions::Daily
            ),
            (
                "2026-12-01T00:30:00+09:00".to_string(),
                "2026-12-01T01:00:00+09:00".to_string(),
                decimal("0.38"),
                decimal("10.07"),
                HalfHourlyReadingsVersions::Updated
            ),
        ]
    );
}

#[tokio::test]
async fn rate_limit_info_gives_the_reset_time() {
    let data = read::<rate_limit_info::RateLimitInfo>(
        &rate_limit_info::Variables::new(),
        json!({"rateLimitInfo": {"pointsAllowanceRateLimit": {
            "limit": 50000, "remainingPoints": 49978, "usedPoints": 22,
            "ttl": 1796288400, "isBlocked": false
        }}}),
        include_str!("../generated/documents/rateLimitInfo.graphql"),
        json!({}),
    )
    .await;
    let allowance = data
        .rate_limit_info
        .expect("rate-limit information")
        .points_allowance_rate_limit
        .expect("an allowance");
    assert_eq!(
        (
            allowance.limit,
            allowance.remaining_points,
            allowance.used_points,
            allowance.is_blocked
        ),
        (Some(50_000), Some(49_978), Some(22), Some(false))
    );
    // 2026-12-03T09:00:00Z.
    assert_eq!(
        allowance.resets_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_796_288_400))
    );
}

#[tokio::test]
async fn tariff_summary_needs_no_login() {
    let data = read::<tariff_summary::TariffSummary>(
        &tariff_summary::Variables::new("03".to_string()),
        json!({"tariffSummary": [{
            "code": "SIMPLE-OCTOPUS-2026-04",
            "displayName": "シンプルオクトパス",
            "gridOperatorCode": "03",
            "tiers": [{
                "contractCapacityPattern": "NON_TIERED",
                "consumptionRates": [
                    {"pricePerUnitIncTax": "26.50", "stepStart": 0, "stepEnd": null, "band": "A"}
                ],
                "standingRates": {
                    "amperage": [
                        {"label": "30A", "pricePerUnitIncTax": "935.25", "unitType": "MONTHS"}
                    ],
                    "kva": null
                }
            }]
        }]}),
        include_str!("../generated/documents/tariffSummary.graphql"),
        // `productCode` left out, not sent as null.
        json!({"gridOperatorCode": "03"}),
    )
    .await;
    let tariffs = data.tariff_summary.expect("a list");
    let tier = tariffs[0].tiers[0].as_ref().expect("a tier");
    let rate = tier.consumption_rates[0].as_ref().expect("a rate");
    let amperage = tier.standing_rates.amperage.as_ref().expect("a list")[0]
        .as_ref()
        .expect("a charge");
    assert_eq!(
        (
            tariffs[0].code.as_str(),
            rate.price_per_unit_inc_tax,
            rate.step_start,
            amperage.label.as_str(),
            amperage.price_per_unit_inc_tax,
            tier.standing_rates.kva.is_none()
        ),
        (
            "SIMPLE-OCTOPUS-2026-04",
            decimal("26.50"),
            Some(0),
            "30A",
            decimal("935.25"),
            true
        )
    );
}

#[tokio::test]
async fn postal_areas_need_no_login() {
    let data = read::<postal_areas::PostalAreas>(
        &postal_areas::Variables::new("1500001".to_string()),
        json!({"postalAreas": [
            {"postcode": "1500001", "prefecture": "東京都", "city": "渋谷区", "area": "神宮前"}
        ]}),
        include_str!("../generated/documents/postalAreas.graphql"),
        json!({"postcode": "1500001"}),
    )
    .await;
    let areas: Vec<_> = data
        .postal_areas
        .into_iter()
        .map(|area| {
            let area = area.expect("an area");
            (area.postcode, area.prefecture, area.city, area.area)
        })
        .collect();
    assert_eq!(
        areas,
        [(
            "1500001".to_string(),
            "東京都".to_string(),
            "渋谷区".to_string(),
            "神宮前".to_string()
        )]
    );
}

/// A GraphQL error refusing the whole request with `code`.
fn refusal(code: &str) -> Value {
    json!({
        "data": null,
        "errors": [{
            "message": "Refused.",
            "extensions": {"errorType": "APPLICATION", "errorCode": code}
        }]
    })
}

#[tokio::test]
async fn a_read_refused_for_a_limit_gives_the_typed_code() {
    // Each code, its crate-wide variant, and how many requests the default retry policy
    // sends: a query too large fails the same way every time, a spent allowance may
    // reset, so a read is tried again (three attempts in all).
    let cases = [
        ("KT-CT-1201", ErrorCode::KtCt1201, 1),
        ("KT-CT-1188", ErrorCode::KtCt1188, 1),
        ("KT-CT-1189", ErrorCode::KtCt1189, 1),
        ("KT-CT-1199", ErrorCode::KtCt1199, 3),
    ];
    for (code, expected, requests) in cases {
        let server = answering(refusal(code)).await;
        let variables = half_hourly_readings::Variables::new(
            "A-1234ABCD".to_string(),
            date_time("2026-12-01T00:00:00+09:00"),
            date_time("2026-12-02T00:00:00+09:00"),
        );
        let error = client_for(&server)
            .half_hourly_readings(variables)
            .await
            .expect_err("the server refused the request");
        let errors = match (expected.class(), error) {
            (ErrorClass::QueryTooLarge, Error::QueryTooLarge { errors }) => errors,
            (ErrorClass::RateLimited, Error::RateLimited { errors, .. }) => errors,
            (class, error) => panic!("{code} ({class:?}): got {error:?}"),
        };
        let codes: Vec<ErrorCode> = errors
            .into_iter()
            .map(|error| ErrorCode::from(error.extensions.error_code.expect("a code")))
            .collect();
        assert_eq!(codes, [expected], "{code}");
        assert_eq!(received(&server).await.len(), requests, "{code}");
    }
}

#[tokio::test]
async fn a_naive_date_time_is_refused_with_the_read_s_own_code() {
    let server = answering(refusal("KT-CT-1609")).await;
    let variables = half_hourly_readings::Variables::new(
        "A-1234ABCD".to_string(),
        date_time("2026-12-01T00:00:00+09:00"),
        date_time("2026-12-02T00:00:00+09:00"),
    );
    let error = client_for(&server)
        .execute::<half_hourly_readings::HalfHourlyReadings>(&variables)
        .await
        .expect_err("the server refused the request");
    let Error::GraphQL { errors, .. } = &error else {
        panic!("expected GraphQL errors, got {error:?}");
    };
    let code = errors[0].extensions.error_code.clone().expect("a code");
    assert_eq!(code, half_hourly_readings::ErrorCode::KtCt1609);
    assert_eq!(
        code.to_string(),
        "KT-CT-1609: The provided datetime ISO string is not timezone aware, please provide \
         timezone information."
    );
}
