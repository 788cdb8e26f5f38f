use std::error::Error;
use std::io::Write;

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, Utc};
use kraken_jp::operations::half_hourly_readings;
use kraken_jp::{Client, Credentials, DateTime, KrakenApi};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let client = Client::builder()
        .credentials(Credentials::api_key(std::env::var("KRAKEN_API_KEY")?))
        .build()?;
    let today = Utc::now().with_timezone(&japan()).date_naive();
    print_yesterday(&client, today, &mut std::io::stdout()).await
}

/// Japan time, in which the API's days and half hours are counted.
fn japan() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// Midnight at the start of `day`, Japan time.
fn midnight(day: NaiveDate) -> DateTime {
    let local = day.and_time(NaiveTime::MIN).and_local_timezone(japan());
    local.single().expect("Japan time has no gaps").into()
}

/// Lists the accounts of the logged-in user, each with the half-hourly consumption of
/// each of its supply points on the day before `today`.
pub async fn print_yesterday(
    client: &Client,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Box<dyn Error>> {
    let yesterday = today - Days::new(1);
    let data = client.viewer_accounts().await?;
    let accounts = data.viewer.and_then(|viewer| viewer.accounts);
    for account in accounts.into_iter().flatten().flatten() {
        let Some(number) = account.number else {
            continue;
        };
        writeln!(out, "{number}: balance {} yen", account.balance)?;
        let variables =
            half_hourly_readings::Variables::new(number, midnight(yesterday), midnight(today));
        let readings = client.half_hourly_readings(variables).await?;
        let properties = readings.account.and_then(|account| account.properties);
        let points = properties
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|property| property.electricity_supply_points)
            .flatten()
            .flatten();
        for point in points {
            writeln!(out, "  {} on {yesterday}", point.spin)?;
            for reading in &point.half_hourly_readings {
                writeln!(
                    out,
                    "    {}  {} kWh  {} yen",
                    reading.start_at.format("%H:%M"),
                    reading.value,
                    reading.cost_estimate
                )?;
            }
        }
    }
    Ok(())
}
