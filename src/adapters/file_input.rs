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
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > max_bytes {
        return Ok(Some(Picked::TooLarge { name, bytes }));
    }
    if name.to_lowercase().ends_with(".xlsx") {
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(describe)?;
        return Ok(Some(Picked::Workbook { name, bytes: js_sys::Uint8Array::new(&buffer).to_vec() }));
    }
    let text = JsFuture::from(file.text()).await.map_err(describe)?;
    let text = text.as_string().ok_or_else(|| format!("{name}: not text"))?;
    Ok(Some(Picked::Text { name, text }))
}
