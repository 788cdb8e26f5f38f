//! Support for generated enums whose known variants map to wire strings: GraphQL enums
//! and error codes.
//!
//! Generated code declares the enum and, as an inherent associated constant, the table
//! of its known variants (`VALUES` for GraphQL enums, `DOCUMENTED` for the crate-wide
//! error codes). One macro invocation derives the rest from the table, so each generated
//! enum costs its declaration and one line per variant, and the logic lives here once.
//! An operation's error codes are a subset of the crate-wide ones: one invocation of
//! `error_codes!` lists the variants and declares the enum.
//!
//! The methods the macros write are `#[inline]`, so machine code is generated only for
//! the ones a crate calls: otherwise a debug build of the generated code spends most of
//! its code generation on hundreds of methods nobody calls.

/// One row of a variant table: a known variant and its wire name.
#[doc(hidden)]
pub trait Row<T> {
    fn variant(&self) -> &T;
    fn name(&self) -> &'static str;
}

/// A GraphQL enum value: variant and wire name.
impl<T> Row<T> for (T, &'static str) {
    fn variant(&self) -> &T {
        &self.0
    }
    fn name(&self) -> &'static str {
        self.1
    }
}

/// A documented error code: variant, code and message.
impl<T> Row<T> for (T, &'static str, &'static str) {
    fn variant(&self) -> &T {
        &self.0
    }
    fn name(&self) -> &'static str {
        self.1
    }
}

/// The row of a known variant. The generator lists every declared variant except the
/// catch-all, so a caller that has matched the catch-all away always finds one.
#[doc(hidden)]
pub fn row_of<'t, T: PartialEq, R: Row<T>>(table: &'t [R], variant: &T) -> Option<&'t R> {
    table.iter().find(|row| row.variant() == variant)
}

/// The wire name of a variant other than the catch-all (empty for a catch-all, which
/// callers match away first).
#[doc(hidden)]
pub fn name_of<T: PartialEq, R: Row<T>>(table: &[R], variant: &T) -> &'static str {
    row_of(table, variant).map_or("", Row::name)
}

/// The known variant with this wire name, if any.
#[doc(hidden)]
pub fn variant_named<T: Clone, R: Row<T>>(table: &[R], name: &str) -> Option<T> {
    table
        .iter()
        .find(|row| row.name() == name)
        .map(|row| row.variant().clone())
}

/// The class of a variant in a table of classified codes; [`ErrorClass::Other`] for a
/// variant the table does not list.
///
/// [`ErrorClass::Other`]: crate::ErrorClass::Other
#[doc(hidden)]
pub fn class_of<T: PartialEq>(table: &[(T, crate::ErrorClass)], variant: &T) -> crate::ErrorClass {
    table
        .iter()
        .find(|(known, _)| known == variant)
        .map_or(crate::ErrorClass::Other, |(_, class)| *class)
}

/// Implements a generated GraphQL enum from its `VALUES` table: `as_str`, `from_wire`,
/// `Display`, `FromStr` (never fails) and serde as the wire string. Values the table does
/// not know land in the catch-all variant.
#[doc(hidden)]
#[macro_export]
macro_rules! wire_enum {
    ($name:ident, $catch_all:ident) => {
        impl $name {
            /// The value as sent on the wire.
            #[allow(unreachable_patterns)] // an enum of no known values
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::$catch_all(value) => value,
                    known => $crate::tables::name_of(Self::VALUES, known),
                }
            }

            /// The variant of a wire value; an unknown value lands in the catch-all.
            #[inline]
            pub fn from_wire(value: &str) -> Self {
                $crate::tables::variant_named(Self::VALUES, value)
                    .unwrap_or_else(|| Self::$catch_all(value.to_owned()))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value: ::std::borrow::Cow<'de, str> =
                    $crate::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from_wire(&value))
            }
        }
    };
}

/// Error-code enums, in two forms.
///
/// `error_codes!(ErrorCode)` implements the crate-wide enum, which the generator
/// declares with its `DOCUMENTED` table of variant, code and message, and its `CLASSES`
/// table of the variants whose class is not [`ErrorClass::Other`](crate::ErrorClass).
///
/// `error_codes!(#[derive(..)] pub enum ErrorCode in path::to::Root { KtCt1111, .. })`
/// declares an operation's enum: the listed variants of the crate-wide enum `Root`,
/// plus `Other(String)`, with `From` into `Root`. Codes and messages are read from
/// `Root`'s table.
///
/// Both get `code`, `message`, `from_code`, `class`, `Display` (`KT-CT-8223: Unauthorized.`, just
/// the code for `Other`), `FromStr` (never fails) and `ErrorCodeSet`.
#[doc(hidden)]
#[macro_export]
macro_rules! error_codes {
    ($name:ident) => {
        impl $name {
            /// The code as sent by the server, e.g. `KT-CT-1111`.
            #[inline]
            pub fn code(&self) -> &str {
                match self {
                    Self::Other(code) => code,
                    known => $crate::tables::name_of(Self::DOCUMENTED, known),
                }
            }

            /// The documented message, if the code is documented.
            #[inline]
            pub fn message(&self) -> ::std::option::Option<&'static str> {
                $crate::tables::row_of(Self::DOCUMENTED, self).map(|row| row.2)
            }

            /// The variant of a code; an undocumented code lands in `Other`.
            #[inline]
            pub fn from_code(code: &str) -> Self {
                $crate::tables::variant_named(Self::DOCUMENTED, code)
                    .unwrap_or_else(|| Self::Other(code.to_owned()))
            }

            /// The behaviour the code calls for.
            #[inline]
            pub fn class(&self) -> $crate::ErrorClass {
                $crate::tables::class_of(Self::CLASSES, self)
            }
        }

        $crate::error_codes!(@common $name);
    };

    (
        $(#[$attr:meta])*
        pub enum $name:ident in $root:path { $($variant:ident),* $(,)? }
    ) => {
        /// The error codes this operation documents, plus `Other` for any other code.
        $(#[$attr])*
        pub enum $name {
            $(
                #[doc = concat!(
                    "[`", stringify!($variant), "`](", stringify!($root), "::",
                    stringify!($variant), ")",
                )]
                $variant,
            )*
            /// A code not documented here, as sent by the server.
            Other(::std::string::String),
        }

        impl $name {
            /// Every documented code, in the order the docs list them.
            pub const DOCUMENTED: &'static [Self] = &[$(Self::$variant),*];

            /// The crate-wide variant of a documented code.
            #[inline]
            fn root(&self) -> ::std::option::Option<$root> {
                match self {
                    $(Self::$variant => ::std::option::Option::Some(<$root>::$variant),)*
                    Self::Other(_) => ::std::option::Option::None,
                }
            }

            /// The code as sent by the server, e.g. `KT-CT-1111`.
            #[allow(unreachable_patterns)] // an operation that documents no codes
            #[inline]
            pub fn code(&self) -> &str {
                match (self, self.root()) {
                    (Self::Other(code), _) => code,
                    (_, root) => root.map_or("", |root| {
                        $crate::tables::name_of(<$root>::DOCUMENTED, &root)
                    }),
                }
            }

            /// The documented message, if the code is documented.
            #[inline]
            pub fn message(&self) -> ::std::option::Option<&'static str> {
                self.root().and_then(|root| root.message())
            }

            /// The variant of a code; a code this operation does not document lands in
            /// `Other`.
            #[inline]
            pub fn from_code(code: &str) -> Self {
                match <$root>::from_code(code) {
                    $(<$root>::$variant => Self::$variant,)*
                    _ => Self::Other(code.to_owned()),
                }
            }

            /// The behaviour the code calls for, also for a code this operation does
            /// not document.
            #[inline]
            pub fn class(&self) -> $crate::ErrorClass {
                match self.root() {
                    ::std::option::Option::Some(root) => root.class(),
                    ::std::option::Option::None => <$root>::from_code(self.code()).class(),
                }
            }
        }

        impl ::std::convert::From<$name> for $root {
            #[inline]
            fn from(code: $name) -> Self {
                match code.root() {
                    ::std::option::Option::Some(root) => root,
                    ::std::option::Option::None => Self::from_code(code.code()),
                }
            }
        }

        $crate::error_codes!(@common $name);
    };

    (@common $name:ident) => {
        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self.message() {
                    ::std::option::Option::Some(message) => write!(f, "{}: {}", self.code(), message),
                    ::std::option::Option::None => f.write_str(self.code()),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(code: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_code(code))
            }
        }

        impl $crate::ErrorCodeSet for $name {
            #[inline]
            fn code(&self) -> &str {
                $name::code(self)
            }

            #[inline]
            fn class(&self) -> $crate::ErrorClass {
                $name::class(self)
            }
        }
    };
}
