use super::external_link;
use crate::bundle::DataSource;
use leptos::prelude::*;

/// The data's name and license, as its license asks: once per show page whose facts come from
/// it, after the cards. Links to the data and its license are those of bangumi-data and of
/// CC BY 4.0; another source or license is named without a link.
#[component]
pub fn DataCredit(data: DataSource) -> impl IntoView {
    let DataSource { source, version, as_of, license } = data;
    let source = match source.as_str() {
        "bangumi-data" => external_link("https://github.com/bangumi-data/bangumi-data", source.into_any()),
        _ => source.into_any(),
    };
    let license = match license.as_str() {
        "CC BY 4.0" => external_link("https://creativecommons.org/licenses/by/4.0/", license.into_any()),
        _ => license.into_any(),
    };
    view! {
        <p class="ns-credit">
            "Data: "{source}" ("{license}"), version "{version}" of "
            <time datetime=as_of.machine()>{as_of.label()}</time>"."
        </p>
    }
}
