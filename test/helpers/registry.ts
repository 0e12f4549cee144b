import type { SpeakerRegistry } from "../../plugin/speakers.js";

/** A small registry like the showcase's: a full entry, one with an appositive, one with no description. */
export const registry: SpeakerRegistry = {
  zelenskyy: {
    name: "Volodymyr Zelenskyy",
    shortName: "Zelenskyy",
    title: "President",
    affiliation: "Ukrainian",
    description: "president of Ukraine",
  },
  sybiha: {
    name: "Andrii Sybiha",
    shortName: "Sybiha",
    title: "Foreign Minister",
    affiliation: "Ukrainian",
    description: "foreign minister of Ukraine",
    appositive: "Ukraine’s foreign minister",
  },
  trump: {
    name: "Donald Trump",
    title: "President",
  },
};
