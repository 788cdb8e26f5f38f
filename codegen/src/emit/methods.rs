//! The client-methods trait: one typed method per operation, for any client that
//! implements the runtime's `Execute`.
//!
//! ```text
//! pub trait <Name>: <runtime>::Execute {
//!     fn create_payment(&self, input: types::CreatePaymentInput)
//!         -> impl Future<Output = Result<operations::create_payment::ResponseData,
//!                                        Self::Error<operations::create_payment::CreatePayment>>> + Send { .. }
//! }
//! impl<C: <runtime>::Execute + ?Sized> <Name> for C {}
//! ```
//!
//! A method takes what the operation needs: nothing without variables, the input
//! object when its one variable is a required input object named `input` (the Kraken
//! convention), and the `Variables` struct otherwise. The methods are default methods of
//! a generic trait, so a crate that includes them compiles none until one is called.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::operations::operation_doc;
use super::shapes::{self, MethodShape, Takes};
use super::{docs, Context, EmitError};
use crate::ir::Operation;

/// The trait named `name` with a method for each of `operations`, and its blanket impl.
pub(super) fn emit(
    ctx: &Context,
    name: &Ident,
    operations: &[Operation],
    error_table: &BTreeMap<String, String>,
) -> Result<TokenStream, EmitError> {
    let runtime = ctx.runtime_path();
    let methods = shapes::methods(ctx, operations)?
        .iter()
        .map(|shape| method(ctx, shape, error_table))
        .collect::<Vec<_>>();
    let doc = docs::attrs(
        "One typed method per operation, for every client that implements the runtime's \
         `Execute`: each builds the operation's variables, sends it with `execute` and \
         returns its response data or the client's error for it.",
    );
    Ok(quote! {
        #doc
        pub trait #name: #runtime::Execute {
            #(#methods)*
        }

        impl<C: #runtime::Execute + ?Sized> #name for C {}
    })
}

/// One operation's method.
fn method(
    ctx: &Context,
    shape: &MethodShape,
    error_table: &BTreeMap<String, String>,
) -> TokenStream {
    let runtime = ctx.runtime_path();
    let MethodShape {
        operation,
        ident: method,
        module,
        operation_ident: operation_type,
        takes,
    } = shape;
    let path = quote!(operations::#module);
    // The parameters, and the statement building `variables` from them (none when
    // `variables` is the parameter).
    let (params, build) = match takes {
        Takes::Input(input_type) => (
            quote!(input: types::#input_type),
            quote!(let variables = #path::Variables::new(input);),
        ),
        Takes::Nothing => (quote!(), quote!(let variables = #path::Variables::new();)),
        Takes::Variables => (quote!(variables: #path::Variables), quote!()),
    };
    let doc = docs::attrs(&format!(
        "{}\n\nSends [`{operation_type}`](operations::{module}::{operation_type}).",
        operation_doc(operation, error_table),
    ));
    let deprecated = docs::deprecated(operation.deprecated.as_ref());
    let allow = operation
        .deprecated
        .is_some()
        .then(|| quote!(#[allow(deprecated)]));
    let comma = (!params.is_empty()).then(|| quote!(,));
    quote! {
        #doc
        #deprecated
        #allow
        fn #method(&self #comma #params) -> impl ::std::future::Future<
            Output = ::std::result::Result<
                #path::ResponseData,
                Self::Error<#path::#operation_type>,
            >,
        > + ::std::marker::Send {
            #build
            async move {
                <Self as #runtime::Execute>::execute::<#path::#operation_type>(self, &variables).await
            }
        }
    }
}
