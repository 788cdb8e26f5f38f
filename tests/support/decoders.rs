//! One decoder per generated operation module: decodes `data` as the module's
//! `ResponseData` and serializes the decoded value back to JSON.

use std::collections::BTreeMap;

use kraken_codegen::ir::Operation;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Why a decoder gave no JSON back.
#[derive(Debug)]
pub enum DecodeError {
    /// `data` is not the module's `ResponseData`.
    Decode(serde_json::Error),
    /// The decoded value did not serialize.
    Serialize(serde_json::Error),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Decode(error) => write!(f, "does not decode: {error}"),
            DecodeError::Serialize(error) => write!(f, "does not serialize back: {error}"),
        }
    }
}

/// Decodes `data` as one module's `ResponseData`; on success, the value re-serialized.
pub type Decode = fn(Value) -> Result<Value, DecodeError>;

fn decode<T: DeserializeOwned + Serialize>(data: Value) -> Result<Value, DecodeError> {
    let decoded: T = serde_json::from_value(data).map_err(DecodeError::Decode)?;
    serde_json::to_value(&decoded).map_err(DecodeError::Serialize)
}

/// One decoder per generated operation module, by module name.
macro_rules! decoders {
    ($($module:ident),* $(,)?) => {
        BTreeMap::from([$(
            (
                stringify!($module),
                decode::<kraken_jp::operations::$module::ResponseData> as Decode,
            ),
        )*])
    };
}

/// The module an operation is generated into.
pub fn module_name(operation: &Operation) -> String {
    kraken_codegen::naming::operation_module(&operation.name).to_string()
}

/// Every generated operation module's decoder, by module name.
pub fn decoders() -> BTreeMap<&'static str, Decode> {
    decoders!(
        accept_goods_quote,
        account_bills,
        account_details,
        account_transactions,
        add_campaign_to_account,
        amend_payment,
        backend_screen_event,
        cancel_enrollment,
        cancel_move_out,
        cancel_repayment_request,
        collect_payment,
        confirm_double_opt_in,
        create_account_payment_schedule,
        create_account_reference,
        create_bank_transfer_payment_method,
        create_contribution_agreement,
        create_credit_transfer_permission,
        create_form_submission,
        create_goods_purchase,
        create_goods_quote,
        create_goods_quote_without_account,
        create_konbini_payment,
        create_konbini_payment_method,
        create_mfa_device,
        create_payment_method,
        create_payment_schedule,
        create_referral,
        delete_mfa_device,
        delete_push_notification_binding,
        email_quote,
        end_contribution_agreement,
        enroll_account_in_loyalty_program,
        estimate_usage,
        force_reauthentication,
        get_embedded_secret_for_new_payment_instruction,
        get_embedded_secret_for_new_payment_instruction_without_account,
        get_hosted_url_for_new_payment_instruction,
        half_hourly_readings,
        initiate_amperage_change,
        initiate_hosted_standalone_payment,
        initiate_live_chat,
        initiate_move_in,
        initiate_move_out,
        initiate_move_out_and_move_in,
        initiate_product_switch,
        initiate_standalone_payment,
        invalidate_payment_instruction,
        invalidate_pre_signed_token,
        join_supplier_accept_terms_and_conditions,
        link_user_to_line,
        masquerade_authentication,
        obtain_kraken_token,
        postal_areas,
        rate_limit_info,
        redeem_loyalty_points_for_account_credit,
        redeem_referral_claim_code,
        regenerate_secret_key,
        register_demand_response_campaign_participant,
        register_push_notification_binding,
        request_double_opt_in,
        request_password_reset,
        request_printed_bill,
        reset_password,
        reset_user_password,
        schedule_quote_follow_up,
        self_serve_switch_in_correction,
        send_family_switch_in_offer,
        send_live_chat_message,
        set_loyalty_points_user,
        set_up_direct_debit_instruction,
        share_goods_quote,
        store_payment_instruction,
        store_refund_bank_account,
        submit_customer_feedback,
        submit_repayment_request,
        suggest_fixed_payment_amount,
        switch_to_product_with_fixed_fuel_cost_adjustment,
        tariff_summary,
        terminate_credit_transfer_permission,
        transfer_loyalty_points_between_users,
        unlink_user_from_line,
        update_account_billing_address,
        update_account_billing_email,
        update_account_consent_data,
        update_account_consents,
        update_account_reference,
        update_account_user,
        update_account_user_consents,
        update_active_purchase,
        update_auto_top_up_amount,
        update_bank_account_details,
        update_comms_delivery_preference,
        update_comms_preferences,
        update_credit_card_details,
        update_demand_response_campaign_participant_comms_preferences,
        update_demand_response_campaign_participant_tip,
        update_metadata,
        update_move_in_date,
        update_move_out_date,
        update_password,
        update_user,
        update_user_details,
        validate_mfa_device,
        verify_identity,
        viewer_accounts,
        withdraw_account,
    )
}
