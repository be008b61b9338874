import type { Random } from './createRandom.js';

/**
 * Formal given name → short forms people give at a shop till or a help desk (English-language usage). This
 * benchmark's own table, kept apart from any table the matcher uses so that the benchmark does not grade
 * the matcher against its own knowledge.
 */
export const LINKAGE_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  alexander: ['alex', 'xander', 'sandy'], alexandra: ['alex', 'lexi', 'sandra'], andrew: ['andy', 'drew'],
  anthony: ['tony'], barbara: ['barb', 'babs'], benjamin: ['ben', 'benny'], catherine: ['cathy', 'kate', 'cat'],
  charles: ['charlie', 'chuck', 'chas'], christina: ['chris', 'tina'], christopher: ['chris', 'kit'],
  daniel: ['dan', 'danny'], david: ['dave', 'davey'], deborah: ['deb', 'debbie'], donald: ['don', 'donnie'],
  dorothy: ['dot', 'dottie'], edward: ['ed', 'eddie', 'ted', 'ned'], elizabeth: ['liz', 'beth', 'betty', 'eliza', 'lizzie'],
  frances: ['fran', 'frankie'], francis: ['frank'], frederick: ['fred', 'freddie'], gregory: ['greg'],
  henry: ['hank', 'harry'], isabella: ['bella', 'izzy'], jacob: ['jake'], james: ['jim', 'jimmy', 'jamie'],
  jennifer: ['jen', 'jenny'], jessica: ['jess', 'jessie'], john: ['jack', 'johnny'], jonathan: ['jon', 'jonny'],
  joseph: ['joe', 'joey'], joshua: ['josh'], katherine: ['kate', 'kathy', 'katie'], kathleen: ['kathy', 'kath'],
  kenneth: ['ken', 'kenny'], lawrence: ['larry'], margaret: ['maggie', 'peggy', 'meg', 'marge'],
  matthew: ['matt'], michael: ['mike', 'mick', 'mikey'], nathaniel: ['nate', 'nat'], nicholas: ['nick', 'nicky'],
  pamela: ['pam'], patricia: ['pat', 'patty', 'trish'], patrick: ['pat', 'paddy'], peter: ['pete'],
  rebecca: ['becky', 'becca'], richard: ['rick', 'dick', 'rich', 'richie'], robert: ['bob', 'rob', 'bobby', 'robbie'],
  ronald: ['ron', 'ronnie'], samantha: ['sam', 'sammy'], samuel: ['sam', 'sammy'], stephanie: ['steph'],
  stephen: ['steve'], steven: ['steve'], susan: ['sue', 'susie'], theodore: ['ted', 'teddy', 'theo'],
  thomas: ['tom', 'tommy'], timothy: ['tim', 'timmy'], victoria: ['vicky', 'tori'], walter: ['walt'],
  william: ['bill', 'will', 'billy', 'liam'], zachary: ['zach', 'zack'], abigail: ['abby'], cynthia: ['cindy'],
  judith: ['judy'], kimberly: ['kim'], melissa: ['mel', 'missy'], nancy: ['nan'], raymond: ['ray'],
  sandra: ['sandy'], valerie: ['val'], virginia: ['ginny'], gabriel: ['gabe'], douglas: ['doug'],
  albert: ['al', 'bert'], alfred: ['alf', 'fred'], harold: ['harry', 'hal'], leonard: ['leo', 'len'],
  eugene: ['gene'], gerald: ['jerry', 'gerry'], jeffrey: ['jeff'], phillip: ['phil'], philip: ['phil'],
  russell: ['russ'], vincent: ['vince', 'vinny'], sophia: ['sophie'], olivia: ['liv'], emily: ['em', 'emmy'],
};

/** The nickname a person with `given` might use ("Robert" → "Bob"), keeping the capitalisation style; null when none is known. */
export function nicknameFor(given: string, random: Random): string | null {
  const options = LINKAGE_NICKNAMES[given.toLowerCase()];
  if (!options) return null;
  const nick = random.pick(options);
  if (given === given.toUpperCase()) return nick.toUpperCase();
  if (given === given.toLowerCase()) return nick;
  return nick[0]!.toUpperCase() + nick.slice(1);
}
