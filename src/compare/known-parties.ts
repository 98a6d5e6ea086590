/**
 * The parties an international instrument may name, each written as drafts write it, with the name it is known by:
 * the members and observers of the United Nations, under their short and formal names and the older or other names
 * still in use ("Türkiye", "Turkey"; "Czechia", "Czech Republic"; "Viet Nam", "Vietnam"), and the unions and
 * short forms drafts use ("EU", "US"). What changed in law lists a name put in, taken out or replaced
 * ("Government of Malaysia" → "Government of the Kingdom of Thailand": legal.ts), so "Malaysia" and "Kingdom of
 * Thailand" need to be known before any dossier says who negotiates.
 *
 * Matched with case, longest first (legal-find.ts, NameFinder), so "Niger" is not read inside "Nigeria", nor
 * "Guinea" inside "Papua New Guinea"; a name inside a longer one that is no party ("Ireland" inside "Northern
 * Ireland", "Samoa" in "American Samoa", "Georgia" as a US state is not told apart) is listed as itself where
 * drafts write it.
 */

/** [a name as written, the party it names]. */
type Party = readonly [string, string];

/** A party known by one name only, written so. */
const alone = (...names: string[]): Party[] => names.map((n) => [n, n] as const);
/** A party known by `canonical`, also written as each of `others`. */
const known = (canonical: string, ...others: string[]): Party[] => [[canonical, canonical], ...others.map((n) => [n, canonical] as const)];

export const KNOWN_PARTIES: ReadonlyArray<readonly [string, string]> = [
  // Unions and the short forms drafts write in capitals (matched with case: "us" is a pronoun).
  ...known('European Union', 'EU'),
  ...known('United States', 'United States of America', 'U.S.', 'US', 'USA', 'U.S.A.'),
  ...known('United Kingdom', 'United Kingdom of Great Britain and Northern Ireland', 'UK', 'U.K.'),
  ...alone('Northern Ireland', 'Great Britain', 'American Samoa'),
  // Names with a formal long form.
  ...known('Thailand', 'Kingdom of Thailand'),
  ...known('Cambodia', 'Kingdom of Cambodia'),
  ...known('Jordan', 'Hashemite Kingdom of Jordan'),
  ...known('China', "People's Republic of China", 'People’s Republic of China'),
  ...known('Korea', 'Republic of Korea', 'South Korea'),
  ...known('North Korea', "Democratic People's Republic of Korea", 'Democratic People’s Republic of Korea'),
  ...known('Viet Nam', 'Vietnam', 'Socialist Republic of Viet Nam'),
  ...known('Russia', 'Russian Federation'),
  ...known('Iran', 'Islamic Republic of Iran'),
  ...known('Syria', 'Syrian Arab Republic'),
  ...known('Laos', "Lao People's Democratic Republic", 'Lao People’s Democratic Republic', 'Lao PDR'),
  ...known('Moldova', 'Republic of Moldova'),
  ...known('Tanzania', 'United Republic of Tanzania'),
  ...known('Bolivia', 'Plurinational State of Bolivia'),
  ...known('Venezuela', 'Bolivarian Republic of Venezuela'),
  ...known('Türkiye', 'Turkey', 'Republic of Türkiye'),
  ...known('Czechia', 'Czech Republic'),
  ...known('Côte d’Ivoire', "Côte d'Ivoire", "Cote d'Ivoire", 'Ivory Coast'),
  ...known('Eswatini', 'Swaziland', 'Kingdom of Eswatini'),
  ...known('North Macedonia', 'Republic of North Macedonia'),
  ...known('Myanmar', 'Burma', 'Republic of the Union of Myanmar'),
  ...known('Cabo Verde', 'Cape Verde'),
  ...known('Timor-Leste', 'East Timor', 'Democratic Republic of Timor-Leste'),
  ...known('Micronesia', 'Federated States of Micronesia'),
  ...known('Congo', 'Republic of the Congo'),
  ...known('DR Congo', 'Democratic Republic of the Congo', 'DRC'),
  ...known('Netherlands', 'Kingdom of the Netherlands'),
  ...known('Gambia', 'The Gambia', 'Republic of The Gambia'),
  ...known('Bahamas', 'The Bahamas', 'Commonwealth of The Bahamas'),
  ...known('Holy See', 'Vatican City'),
  ...known('Palestine', 'State of Palestine'),
  ...known('São Tomé and Príncipe', 'Sao Tome and Principe'),
  ...known('Saudi Arabia', 'Kingdom of Saudi Arabia'),
  ...known('Philippines', 'Republic of the Philippines'),
  ...known('India', 'Republic of India'),
  ...known('Indonesia', 'Republic of Indonesia'),
  ...known('Singapore', 'Republic of Singapore'),
  ...known('South Africa', 'Republic of South Africa'),
  ...known('Brunei', 'Brunei Darussalam'),
  ...known('Kyrgyzstan', 'Kyrgyz Republic'),
  ...known('Slovakia', 'Slovak Republic'),
  // The other members of the United Nations, as they are known.
  ...alone(
    'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia', 'Australia',
    'Austria', 'Azerbaijan', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan',
    'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cameroon', 'Canada',
    'Central African Republic', 'Chad', 'Chile', 'Colombia', 'Comoros', 'Costa Rica', 'Croatia', 'Cuba', 'Cyprus',
    'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador', 'Equatorial Guinea',
    'Eritrea', 'Estonia', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Georgia', 'Germany', 'Ghana', 'Greece',
    'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'Iraq',
    'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kuwait', 'Latvia', 'Lebanon',
    'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia',
    'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico', 'Monaco', 'Mongolia',
    'Montenegro', 'Morocco', 'Mozambique', 'Namibia', 'Nauru', 'Nepal', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria',
    'Norway', 'Oman', 'Pakistan', 'Palau', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Poland', 'Portugal',
    'Qatar', 'Romania', 'Rwanda', 'Saint Kitts and Nevis', 'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa',
    'San Marino', 'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone', 'Slovenia', 'Solomon Islands', 'Somalia',
    'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Tajikistan', 'Togo', 'Tonga',
    'Trinidad and Tobago', 'Tunisia', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine', 'United Arab Emirates', 'Uruguay',
    'Uzbekistan', 'Vanuatu', 'Yemen', 'Zambia', 'Zimbabwe',
  ),
  // Territories that conclude agreements of their own, or that instruments name.
  ...alone('Greenland', 'Hong Kong', 'Macao'),
];
