//! Reading a file the user picked, refusing oversized ones unread.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::describe;

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
        detail: String,
    },
}

/// The first file of an `<input type="file">` change event, if any: a
/// workbook by its name, any other file as text.
pub async fn read(ev: &web_sys::Event, max_bytes: usize) -> Result<Option<Picked>, String> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Ok(None);
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return Ok(None) };
    // Picking the same file again must fire `change` again.
    input.set_value("");
    read_file(file, max_bytes).await.map(Some)
}

/// Every file of an `<input type="file" multiple>` change event, or of a drop.
pub async fn read_all(files: Option<web_sys::FileList>, max_bytes: usize) -> Vec<Picked> {
    let files: Vec<web_sys::File> =
        files.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    let mut picked = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        picked.push(read_file(file, max_bytes).await.unwrap_or_else(|detail| Picked::Unreadable { name, detail }));
    }
    picked
}

/// The files of an `<input type="file">` change event; the input is emptied,
/// so picking the same files again fires `change` again.
pub fn input_files(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let files = input.files();
    input.set_value("");
    files
}

async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<Picked, String> {
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
    let text = text.as_string().ok_or_else(|| format!("{name}: not text"))?;
    Ok(Picked::Text { name, text })
}
