import type { ProgrammeContent } from "../../lib/programmes/content";

// Page copy for Kommunernes Implementeringsuddannelse, written in Stillads' own words from the facts in
// ../shared/programme-facts.md.
export const KIU_CONTENT: ProgrammeContent = {
  lead: [
    "Uddannelsen er for dig, der skal få nye digitale løsninger til at virke i hverdagen i en kommune – som projektleder, leder eller konsulent.",
    "Digitalisering ændrer medarbejdernes adfærd, arbejdsgange, relationer og kompetencer. Gevinsterne kommer først, når løsningen bliver brugt som tænkt, og det kræver en god implementering.",
  ],
  sections: [
    {
      heading: "Hvorfor er digital implementering svær?",
      paragraphs: [
        "En ny digital løsning lander aldrig på bar mark. Den skal passe ind i et landskab af systemer og arbejdsgange, der allerede er der – og en kommune kan have flere hundrede it-systemer i drift. Derfor er en digital implementering mere kompleks end en analog.",
      ],
    },
    {
      heading: "Et stillads frem for en plan, der skal holde hele vejen",
      paragraphs: [
        "Mange implementeringsplaner går ud fra, at alt kan vides og besluttes på forhånd, og at man kan implementere “helt ned i bunden” i ét hug. På uddannelsen lærer du i stedet at bygge et implementeringsstillads.",
        "Du arbejder i iterationer sammen med brugere og interessenter, støtter og justerer undervejs og får teknologien, brugerne, den nye adfærd og effektmålene til at trække i samme retning.",
      ],
    },
  ],
  advice: {
    heading: "Tre råd til din næste implementering",
    items: [
      {
        title: "Vær konkret om den nye adfærd",
        text: "Beskriv præcist, hvad folk skal gøre anderledes. Adfærd er konkrete handlinger og vaner – ikke gode hensigter.",
      },
      {
        title: "Kend forudsætningerne",
        text: "Sæt dig ind i det, du implementerer i: konteksten, den adfærd og de arbejdsgange, der findes i dag, og de systemer, løsningen skal fungere sammen med.",
      },
      {
        title: "Fordel ansvaret – og hold fast i det",
        text: "Giv hver del af implementeringsarbejdet én ejer, som har ansvaret og følger det til dørs.",
      },
    ],
  },
};
