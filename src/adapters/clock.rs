//! Today's date from the browser's clock. The core never reads a clock: it
//! takes the date as a parameter, so tests can fix it.

use kama_plan::timeline::CalendarDate;

pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate { year: now.get_full_year() as i32, month: (now.get_month() + 1) as u8, day: now.get_date() as u8 }
}

/// Now, in milliseconds since the Unix epoch (what progress stamps carry).
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A moment in the browser's time zone, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

pub fn local_time(ms: i64) -> LocalTime {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    LocalTime {
        year: d.get_full_year() as i32,
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
    }
}

/// The browser's time zone now, as minutes east of UTC (Japan: +540): the
/// offset exported sheets write their stamps in.
pub fn utc_offset() -> kama_plan::progress::csv::UtcOffset {
    // getTimezoneOffset is minutes *behind* UTC (Japan: -540).
    kama_plan::progress::csv::UtcOffset(-(js_sys::Date::new_0().get_timezone_offset() as i32))
}
