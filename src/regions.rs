//! Countries, the continents the bundle may name instead, and which offers a reader can use.
//!
//! One compact table of ISO 3166-1 alpha-2 codes, English names and UN M49 continents: both the
//! labels ("outside Asia", "Japan") and the reader's region picker come from it, natively as in
//! the browser, so a prerendered page says the same as the live one.

/// `code|name|continent`, one country a line; continents: af, am, as, eu, oc (UN M49).
const COUNTRIES: &str = "\
AD|Andorra|eu
AE|United Arab Emirates|as
AF|Afghanistan|as
AG|Antigua and Barbuda|am
AL|Albania|eu
AM|Armenia|as
AO|Angola|af
AR|Argentina|am
AT|Austria|eu
AU|Australia|oc
AZ|Azerbaijan|as
BA|Bosnia and Herzegovina|eu
BB|Barbados|am
BD|Bangladesh|as
BE|Belgium|eu
BF|Burkina Faso|af
BG|Bulgaria|eu
BH|Bahrain|as
BI|Burundi|af
BJ|Benin|af
BN|Brunei|as
BO|Bolivia|am
BR|Brazil|am
BS|Bahamas|am
BT|Bhutan|as
BW|Botswana|af
BY|Belarus|eu
BZ|Belize|am
CA|Canada|am
CD|DR Congo|af
CF|Central African Republic|af
CG|Congo|af
CH|Switzerland|eu
CI|Côte d’Ivoire|af
CL|Chile|am
CM|Cameroon|af
CN|China|as
CO|Colombia|am
CR|Costa Rica|am
CU|Cuba|am
CV|Cape Verde|af
CY|Cyprus|as
CZ|Czechia|eu
DE|Germany|eu
DJ|Djibouti|af
DK|Denmark|eu
DM|Dominica|am
DO|Dominican Republic|am
DZ|Algeria|af
EC|Ecuador|am
EE|Estonia|eu
EG|Egypt|af
ER|Eritrea|af
ES|Spain|eu
ET|Ethiopia|af
FI|Finland|eu
FJ|Fiji|oc
FM|Micronesia|oc
FR|France|eu
GA|Gabon|af
GB|United Kingdom|eu
GD|Grenada|am
GE|Georgia|as
GH|Ghana|af
GM|Gambia|af
GN|Guinea|af
GQ|Equatorial Guinea|af
GR|Greece|eu
GT|Guatemala|am
GW|Guinea-Bissau|af
GY|Guyana|am
HK|Hong Kong|as
HN|Honduras|am
HR|Croatia|eu
HT|Haiti|am
HU|Hungary|eu
ID|Indonesia|as
IE|Ireland|eu
IL|Israel|as
IN|India|as
IQ|Iraq|as
IR|Iran|as
IS|Iceland|eu
IT|Italy|eu
JM|Jamaica|am
JO|Jordan|as
JP|Japan|as
KE|Kenya|af
KG|Kyrgyzstan|as
KH|Cambodia|as
KI|Kiribati|oc
KM|Comoros|af
KN|Saint Kitts and Nevis|am
KP|North Korea|as
KR|South Korea|as
KW|Kuwait|as
KZ|Kazakhstan|as
LA|Laos|as
LB|Lebanon|as
LC|Saint Lucia|am
LI|Liechtenstein|eu
LK|Sri Lanka|as
LR|Liberia|af
LS|Lesotho|af
LT|Lithuania|eu
LU|Luxembourg|eu
LV|Latvia|eu
LY|Libya|af
MA|Morocco|af
MC|Monaco|eu
MD|Moldova|eu
ME|Montenegro|eu
MG|Madagascar|af
MH|Marshall Islands|oc
MK|North Macedonia|eu
ML|Mali|af
MM|Myanmar|as
MN|Mongolia|as
MO|Macao|as
MR|Mauritania|af
MT|Malta|eu
MU|Mauritius|af
MV|Maldives|as
MW|Malawi|af
MX|Mexico|am
MY|Malaysia|as
MZ|Mozambique|af
NA|Namibia|af
NE|Niger|af
NG|Nigeria|af
NI|Nicaragua|am
NL|Netherlands|eu
NO|Norway|eu
NP|Nepal|as
NR|Nauru|oc
NZ|New Zealand|oc
OM|Oman|as
PA|Panama|am
PE|Peru|am
PG|Papua New Guinea|oc
PH|Philippines|as
PK|Pakistan|as
PL|Poland|eu
PR|Puerto Rico|am
PS|Palestine|as
PT|Portugal|eu
PW|Palau|oc
PY|Paraguay|am
QA|Qatar|as
RO|Romania|eu
RS|Serbia|eu
RU|Russia|eu
RW|Rwanda|af
SA|Saudi Arabia|as
SB|Solomon Islands|oc
SC|Seychelles|af
SD|Sudan|af
SE|Sweden|eu
SG|Singapore|as
SI|Slovenia|eu
SK|Slovakia|eu
SL|Sierra Leone|af
SM|San Marino|eu
SN|Senegal|af
SO|Somalia|af
SR|Suriname|am
SS|South Sudan|af
ST|São Tomé and Príncipe|af
SV|El Salvador|am
SY|Syria|as
SZ|Eswatini|af
TD|Chad|af
TG|Togo|af
TH|Thailand|as
TJ|Tajikistan|as
TL|Timor-Leste|as
TM|Turkmenistan|as
TN|Tunisia|af
TO|Tonga|oc
TR|Türkiye|as
TT|Trinidad and Tobago|am
TV|Tuvalu|oc
TW|Taiwan|as
TZ|Tanzania|af
UA|Ukraine|eu
UG|Uganda|af
US|United States|am
UY|Uruguay|am
UZ|Uzbekistan|as
VA|Vatican City|eu
VC|Saint Vincent and the Grenadines|am
VE|Venezuela|am
VN|Vietnam|as
VU|Vanuatu|oc
WS|Samoa|oc
YE|Yemen|as
ZA|South Africa|af
ZM|Zambia|af
ZW|Zimbabwe|af";

/// The continents an offer may name, by the bundle's key.
const CONTINENTS: [(&str, &str, &str); 5] = [
    ("africa", "Africa", "af"),
    ("americas", "the Americas", "am"),
    ("asia", "Asia", "as"),
    ("europe", "Europe", "eu"),
    ("oceania", "Oceania", "oc"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    continent: &'static str,
}

/// Every country, in the table's order (by code).
pub fn countries() -> impl Iterator<Item = Country> {
    COUNTRIES.lines().filter_map(|line| {
        let mut fields = line.split('|');
        Some(Country { code: fields.next()?, name: fields.next()?, continent: fields.next()? })
    })
}

/// Every country, by name as readers look them up: sorted once per visit, not per page.
pub fn countries_by_name() -> std::rc::Rc<[Country]> {
    thread_local! {
        static SORTED: std::rc::Rc<[Country]> = {
            let mut sorted: Vec<Country> = countries().collect();
            sorted.sort_by_cached_key(|c| crate::text::fold(c.name));
            sorted.into()
        };
    }
    SORTED.with(std::rc::Rc::clone)
}

/// The country of an ISO 3166 code: a binary search of the table, read once per thread (the
/// validation of every shard asks for the regions of every offer).
pub fn country(code: &str) -> Option<Country> {
    thread_local! {
        static BY_CODE: Vec<Country> = countries().collect();
    }
    BY_CODE.with(|all| all.binary_search_by(|c| c.code.cmp(code)).ok().map(|i| all[i]))
}

/// True for a code the bundle may use in an offer's regions: a country or a continent key.
pub fn is_known_region(code: &str) -> bool {
    continent(code).is_some() || country(code).is_some()
}

fn continent(key: &str) -> Option<(&'static str, &'static str, &'static str)> {
    CONTINENTS.into_iter().find(|(k, ..)| *k == key)
}

/// Name of a region code for a sentence: "Japan", "Asia", "the Americas".
pub fn region_name(code: &str) -> String {
    continent(code)
        .map(|(_, name, _)| name)
        .or_else(|| country(code).map(|c| c.name))
        .unwrap_or(code)
        .to_string()
}

/// Does a region code (country or continent) include a country?
fn covers(region: &str, country_code: &str) -> bool {
    match continent(region) {
        Some((_, _, short)) => country(country_code).is_some_and(|c| c.continent == short),
        None => region == country_code,
    }
}

/// Where an offer can be used: in the listed regions only, or everywhere except the excluded
/// ones (an empty `only` means everywhere).
pub fn available_in(only: &[String], except: &[String], country_code: &str) -> bool {
    (only.is_empty() || only.iter().any(|r| covers(r, country_code)))
        && !except.iter().any(|r| covers(r, country_code))
}

impl Country {
    /// [`available_in`] for this country, looked up once: the catalogue's region filter asks it
    /// of every offer of every show.
    pub fn can_use(&self, only: &[String], except: &[String]) -> bool {
        let covers = |region: &String| match continent(region) {
            Some((_, _, short)) => self.continent == short,
            None => region == self.code,
        };
        (only.is_empty() || only.iter().any(covers)) && !except.iter().any(covers)
    }
}

/// "outside Asia", "in Japan", "in Japan and South Korea", "worldwide".
pub fn availability_label(only: &[String], except: &[String]) -> String {
    let list = |codes: &[String]| {
        let names: Vec<String> = codes.iter().map(|c| region_name(c)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [head @ .., last] => format!("{} and {last}", head.join(", ")),
        }
    };
    match (only.is_empty(), except.is_empty()) {
        (true, true) => "worldwide".to_string(),
        (true, false) => format!("outside {}", list(except)),
        (false, true) => format!("in {}", list(only)),
        (false, false) => format!("in {}, except {}", list(only), list(except)),
    }
}

/// The reader's country from their browser's language tags ("en-GB" → GB), the first that
/// names a known country.
pub fn region_from_languages<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    tags.into_iter().find_map(|tag| {
        tag.split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
            .and_then(|part| country(&part.to_ascii_uppercase()))
            .map(|c| c.code)
    })
}

/// English name of a performance language (BCP 47 primary tag); the tag itself when unlisted.
pub fn language_name(tag: &str) -> &str {
    const LANGUAGES: [(&str, &str); 12] = [
        ("ja", "Japanese"),
        ("en", "English"),
        ("es", "Spanish"),
        ("fr", "French"),
        ("de", "German"),
        ("it", "Italian"),
        ("pt", "Portuguese"),
        ("ko", "Korean"),
        ("zh", "Chinese"),
        ("ru", "Russian"),
        ("ar", "Arabic"),
        ("hi", "Hindi"),
    ];
    LANGUAGES.into_iter().find(|(t, _)| *t == tag).map_or(tag, |(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn table_is_well_formed_and_sorted() {
        let all: Vec<Country> = countries().collect();
        assert!(all.len() > 190, "{} countries", all.len());
        assert!(all.windows(2).all(|w| w[0].code < w[1].code), "codes sorted and unique");
        assert!(all.iter().all(|c| c.code.len() == 2 && CONTINENTS.iter().any(|k| k.2 == c.continent)));
    }

    #[test]
    fn outside_asia_matches_the_seed() {
        let asia = codes(&["asia"]);
        assert!(available_in(&[], &asia, "US"));
        assert!(available_in(&[], &asia, "FR"));
        assert!(!available_in(&[], &asia, "JP"));
        assert!(!available_in(&[], &asia, "KR"));
        assert_eq!(availability_label(&[], &asia), "outside Asia");
        let (france, japan) = (country("FR").unwrap(), country("JP").unwrap());
        assert!(france.can_use(&[], &asia));
        assert!(!japan.can_use(&[], &asia));
        assert!(japan.can_use(&codes(&["JP", "TW"]), &[]), "an item's own regions");
        assert!(!france.can_use(&codes(&["JP", "TW"]), &[]));
        assert!(france.can_use(&codes(&["europe"]), &codes(&["GB"])));
        assert!(!country("GB").unwrap().can_use(&codes(&["europe"]), &codes(&["GB"])));
        assert!(japan.can_use(&[], &[]), "worldwide");
    }

    #[test]
    fn only_lists_and_labels() {
        let japan = codes(&["JP"]);
        assert!(available_in(&japan, &[], "JP"));
        assert!(!available_in(&japan, &[], "US"));
        assert_eq!(availability_label(&japan, &[]), "in Japan");
        assert_eq!(availability_label(&codes(&["JP", "KR", "TW"]), &[]), "in Japan, South Korea and Taiwan");
        assert_eq!(availability_label(&codes(&["europe"]), &codes(&["GB"])), "in Europe, except United Kingdom");
        assert!(!available_in(&codes(&["europe"]), &codes(&["GB"]), "GB"));
        assert!(available_in(&codes(&["europe"]), &codes(&["GB"]), "DE"));
        assert_eq!(availability_label(&[], &[]), "worldwide");
        assert!(available_in(&[], &[], "ZW"));
    }

    #[test]
    fn unknown_codes_are_not_regions() {
        assert!(is_known_region("JP"));
        assert!(is_known_region("asia"));
        assert!(!is_known_region("jp"));
        assert!(!is_known_region("XX"));
        assert!(!is_known_region("Asia"));
    }

    #[test]
    fn reader_region_from_language_tags() {
        assert_eq!(region_from_languages(["en-GB", "en"]), Some("GB"));
        assert_eq!(region_from_languages(["fr", "pt-br"]), Some("BR"));
        assert_eq!(region_from_languages(["zh-Hant-TW"]), Some("TW"));
        assert_eq!(region_from_languages(["en", "ja"]), None);
        assert_eq!(region_from_languages(["en-XX"]), None);
    }

    #[test]
    fn performance_languages() {
        assert_eq!(language_name("ja"), "Japanese");
        assert_eq!(language_name("tlh"), "tlh");
    }
}
