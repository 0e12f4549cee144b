/**
 * Cities that stand alone in an AP dateline: every other place needs its state or country after it.
 * Kept as data so a newsroom can extend it (the `standaloneCities` option) without touching code.
 */

/** U.S. cities the AP Stylebook lets stand alone in datelines. */
export const AP_STANDALONE_US_CITIES: readonly string[] = [
  "Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver",
  "Detroit", "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami",
  "Milwaukee", "Minneapolis", "New Orleans", "New York", "Oklahoma City", "Philadelphia",
  "Phoenix", "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego",
  "San Francisco", "Seattle", "Washington",
];

/** Cities outside the U.S. the AP Stylebook lets stand alone in datelines. */
export const AP_STANDALONE_WORLD_CITIES: readonly string[] = [
  "Amsterdam", "Baghdad", "Bangkok", "Beijing", "Beirut", "Berlin", "Brussels", "Cairo",
  "Djibouti", "Dublin", "Geneva", "Gibraltar", "Guatemala City", "Havana", "Helsinki",
  "Hong Kong", "Islamabad", "Istanbul", "Jerusalem", "Johannesburg", "Kabul", "Kuwait City",
  "London", "Luxembourg", "Macao", "Madrid", "Mexico City", "Milan", "Monaco", "Montreal",
  "Moscow", "Nairobi", "New Delhi", "Oslo", "Ottawa", "Panama City", "Paris", "Prague",
  "Quebec City", "Rio de Janeiro", "Rome", "San Marino", "Sao Paulo", "Shanghai", "Singapore",
  "Stockholm", "Sydney", "Taipei", "Tokyo", "Toronto", "Vatican City", "Vienna", "Zurich",
];

export const AP_STANDALONE_CITIES: readonly string[] = [
  ...AP_STANDALONE_US_CITIES,
  ...AP_STANDALONE_WORLD_CITIES,
];
