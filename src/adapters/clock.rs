//! Today's date from the browser's clock. The core never reads a clock: it
//! takes the date as a parameter, so tests can fix it.

use kama_plan::timeline::CalendarDate;

pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate { year: now.get_full_year() as i32, month: (now.get_month() + 1) as u8, day: now.get_date() as u8 }
}
