//! Three-state values for nullable input fields: absent, explicit null, or a value.

use serde::{Serialize, Serializer};

/// A nullable input field. `Absent` (the default) is not serialized at all;
/// `Null` is sent as `null`; `Value` is sent as the value.
///
/// Fields of this type carry `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not sent: the server keeps its default.
    #[default]
    Absent,
    /// Sent as an explicit `null`.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T> Nullable<T> {
    /// True when the field is left out of the request.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `None` leaves the field out (the server keeps what it has); only
    /// [`Nullable::Null`] sends `null`, so an update never clears a field by accident.
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Absent, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(value) => value.serialize(serializer),
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
        }
    }
}
