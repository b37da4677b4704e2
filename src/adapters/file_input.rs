//! Reading the files the user picked, refusing oversized ones unread.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{describe, BrowserError};

pub enum Picked {
    Text {
        name: String,
        text: String,
    },
    /// An Excel workbook (`.xlsx`), as its bytes.
    Workbook {
        name: String,
        bytes: Vec<u8>,
    },
    TooLarge {
        name: String,
        bytes: usize,
    },
    /// The browser could not read it (moved or deleted since it was picked).
    Unreadable {
        name: String,
        detail: BrowserError,
    },
}

/// Each of `files` (see [`input_files`]): a workbook by its name, any other
/// file as text, a file over `max_bytes` unread.
pub async fn read_all(files: Vec<web_sys::File>, max_bytes: usize) -> Vec<Picked> {
    let mut picked = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        picked.push(read_file(file, max_bytes).await.unwrap_or_else(|detail| Picked::Unreadable { name, detail }));
    }
    picked
}

/// The files of an `<input type="file">` change event; the input is then
/// emptied (which empties its live list too), so picking the same files
/// again fires `change` again.
pub fn input_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// The files dropped on an element (nothing for a drop of text or links).
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let files = ev.data_transfer().and_then(|d| d.files());
    files.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default()
}

async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<Picked, BrowserError> {
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > max_bytes {
        return Ok(Picked::TooLarge { name, bytes });
    }
    if name.to_lowercase().ends_with(".xlsx") {
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
        return Ok(Picked::Workbook { name, bytes: js_sys::Uint8Array::new(&buffer).to_vec() });
    }
    let text = JsFuture::from(file.text()).await.map_err(describe)?;
    let text = text.as_string().ok_or(BrowserError::from("not text"))?;
    Ok(Picked::Text { name, text })
}

/// Why [`read_bytes`] gave no bytes.
pub enum Unread {
    /// Over the limit: not read. Its size.
    TooLarge(usize),
    Unreadable(BrowserError),
}

/// A file's bytes whatever its kind (a plan table may be Shift_JIS text),
/// unread when it is over `max_bytes`.
pub async fn read_bytes(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, Unread> {
    let bytes = file.size() as usize;
    if bytes > max_bytes {
        return Err(Unread::TooLarge(bytes));
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(e) => Err(Unread::Unreadable(describe(e))),
    }
}
