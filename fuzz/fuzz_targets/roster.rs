//! A roster of any bytes: read every row, never panic, never hang.
#![no_main]
use handout::request::Rules;
use handout::roster::Roster;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = handout::request::parse_date("2026-11-25").unwrap();
    if let Ok(roster) = Roster::open("fuzz.csv", std::io::Cursor::new(data.to_vec()), today, Rules::default()) {
        for row in roster.take(10_000) {
            let _ = row;
        }
    }
});
