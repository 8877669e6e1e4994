//! One definition of each table of a task: [`tables!`] declares the struct serde fills
//! and, from the same list of keys, the builder the direct reader fills, and how the
//! struct's spans are shifted ([`crate::plan::pieces`]). How the reader reads a key
//! follows from the key's type ([`Field`]), so a key declared in the schema is read here
//! without more code, and a key of a type the reader does not know does not compile.

use toml::Spanned;
use toml::value::Datetime;

use super::lexer::Reader;
use crate::plan::schema::{RawDate, Text};

/// Declares tables of the plan's tasks (see the module's documentation). Each key is
/// written `pub field: Type`, or `pub field as "key": Type` when the file spells it
/// otherwise; attributes pass to serde as they are. A list or a sub-table must be
/// `#[serde(default)]`: the reader takes an absent one as empty, as serde then does.
macro_rules! tables {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident ($builder:ident) {
            $(
                $(#[$fmeta:meta])*
                pub $field:ident $(as $key:literal)? : $ty:ty
            ),* $(,)?
        }
    )*) => {$(
        $(#[$meta])*
        pub struct $name {
            $( $(#[$fmeta])* $(#[serde(rename = $key)])? pub $field: $ty, )*
        }

        impl $name {
            /// The keys, as written in the file, in the order of the fields.
            pub const KEYS: &'static [&'static str] = &[$($crate::plan::task_reader::table::key!($field $(, $key)?)),*];
        }

        /// What the direct reader has read of the table so far: a slot per key.
        #[derive(Default)]
        pub(crate) struct $builder {
            $( pub(crate) $field: <$ty as $crate::plan::task_reader::table::Field>::Slot, )*
        }

        impl $builder {
            /// Reads the value of `key` (at the reader's position); `None`: leave to `toml`.
            pub(crate) fn key(&mut self, key: &str, reader: &mut $crate::plan::task_reader::lexer::Reader<'_>) -> Option<()> {
                match key {
                    $( $crate::plan::task_reader::table::key!($field $(, $key)?) =>
                        <$ty as $crate::plan::task_reader::table::Field>::read(&mut self.$field, reader), )*
                    _ => None,
                }
            }

            /// The table; `None` when a key it requires is missing.
            pub(crate) fn finish(self) -> Option<$name> {
                Some($name { $( $field: <$ty as $crate::plan::task_reader::table::Field>::finish(self.$field)?, )* })
            }
        }

        /// Sub-tables: filled by their headers (`[[task.ref]]`), never written as a key
        /// (an inline table is left to `toml`).
        impl $crate::plan::task_reader::table::Field for Vec<$name> {
            type Slot = Vec<$builder>;
            fn read(_: &mut Self::Slot, _: &mut $crate::plan::task_reader::lexer::Reader<'_>) -> Option<()> {
                None
            }
            fn finish(slot: Self::Slot) -> Option<Self> {
                slot.into_iter().map($builder::finish).collect()
            }
        }

        impl $crate::plan::task_reader::table::Field for Option<$name> {
            type Slot = Option<$builder>;
            fn read(_: &mut Self::Slot, _: &mut $crate::plan::task_reader::lexer::Reader<'_>) -> Option<()> {
                None
            }
            fn finish(slot: Self::Slot) -> Option<Self> {
                match slot {
                    Some(b) => Some(Some(b.finish()?)),
                    None => Some(None),
                }
            }
        }

        impl $crate::plan::pieces::Shift for $name {
            fn shift(&mut self, by: usize) {
                $( $crate::plan::pieces::Shift::shift(&mut self.$field, by); )*
            }
        }
    )*};
}
pub(crate) use tables;

/// A key as written: its own literal, or its field's name.
macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $key:literal) => {
        $key
    };
}
pub(crate) use key;

/// How the direct reader fills a field of a table: the slot it keeps while reading, how it
/// reads the key's value into the slot, and the field it makes of the slot at the end.
pub(crate) trait Field: Sized {
    type Slot: Default;
    /// Reads the value after `key =`; `None`: leave the piece to `toml` (a value it does
    /// not read exactly as `toml` does, or a key given twice).
    fn read(slot: &mut Self::Slot, reader: &mut Reader<'_>) -> Option<()>;
    /// `None` when a required key is missing (an error, left to `toml`).
    fn finish(slot: Self::Slot) -> Option<Self>;
}

/// A value the reader reads after `key =`.
pub(crate) trait Value: Sized {
    fn read(reader: &mut Reader<'_>) -> Option<Self>;
}

impl Value for Text {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.string()
    }
}

impl Value for String {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.plain_string()
    }
}

impl Value for RawDate {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.date()
    }
}

impl Value for Spanned<i64> {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.integer()
    }
}

impl Value for Spanned<f64> {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.float()
    }
}

impl Value for Datetime {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        reader.datetime().map(Spanned::into_inner)
    }
}

/// Sets a slot once: a key given twice is an error, left to `toml`.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value?);
    Some(())
}

/// A key the table requires.
macro_rules! required {
    ($($ty:ty),*) => {$(
        impl Field for $ty {
            type Slot = Option<$ty>;
            fn read(slot: &mut Self::Slot, reader: &mut Reader<'_>) -> Option<()> {
                once(slot, <$ty as Value>::read(reader))
            }
            fn finish(slot: Self::Slot) -> Option<Self> {
                slot
            }
        }
    )*};
}
required!(Text, String, RawDate, Spanned<i64>, Spanned<f64>, Datetime);

/// An optional key.
impl<V: Value> Field for Option<V> {
    type Slot = Option<V>;
    fn read(slot: &mut Self::Slot, reader: &mut Reader<'_>) -> Option<()> {
        once(slot, V::read(reader))
    }
    fn finish(slot: Self::Slot) -> Option<Self> {
        Some(slot)
    }
}

/// A list (`#[serde(default)]`: empty when the key is absent).
impl<V: Value> Field for Vec<V> {
    type Slot = Option<Vec<V>>;
    fn read(slot: &mut Self::Slot, reader: &mut Reader<'_>) -> Option<()> {
        once(slot, reader.list(V::read))
    }
    fn finish(slot: Self::Slot) -> Option<Self> {
        Some(slot.unwrap_or_default())
    }
}
