/**
 * Formal given names (normalised) and the short forms people use for them. Identity-owned: the gateway never
 * imports the sandbox. Extend through `identity.normalize.nicknames` in config (formal → list of short forms).
 */
export const DEFAULT_NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  robert: ['bob', 'rob', 'bobby', 'robbie'],
  william: ['bill', 'will', 'billy', 'liam'],
  michael: ['mike', 'mick', 'mikey'],
  james: ['jim', 'jimmy', 'jamie'],
  richard: ['rick', 'dick', 'rich', 'ricky'],
  joseph: ['joe', 'joey'],
  thomas: ['tom', 'tommy'],
  charles: ['charlie', 'chuck', 'chas'],
  christopher: ['chris', 'kit'],
  daniel: ['dan', 'danny'],
  matthew: ['matt'],
  anthony: ['tony'],
  steven: ['steve'],
  stephen: ['steve'],
  andrew: ['andy', 'drew'],
  edward: ['ed', 'eddie', 'ted', 'ned'],
  benjamin: ['ben', 'benny'],
  nicholas: ['nick', 'nicky'],
  jonathan: ['jon', 'jonny'],
  alexander: ['alex', 'xander'],
  elizabeth: ['liz', 'beth', 'betty', 'eliza', 'lizzie'],
  katherine: ['kate', 'kathy', 'katie'],
  catherine: ['cathy', 'kate', 'cat'],
  jennifer: ['jen', 'jenny'],
  patricia: ['patty', 'pat', 'trish'],
  margaret: ['maggie', 'peggy', 'meg'],
  susan: ['sue', 'susie'],
  deborah: ['debbie', 'deb'],
  rebecca: ['becky', 'becca'],
  jessica: ['jess', 'jessie'],
  victoria: ['vicky', 'tori'],
  samantha: ['sam', 'sammy'],
  samuel: ['sam', 'sammy'],
  kimberly: ['kim'],
  abigail: ['abby', 'abbie'],
  david: ['dave', 'davy'],
  joshua: ['josh'],
  timothy: ['tim', 'timmy'],
  gregory: ['greg'],
  kenneth: ['ken', 'kenny'],
  ronald: ['ron', 'ronnie'],
  donald: ['don', 'donnie'],
  jacob: ['jake'],
  zachary: ['zach', 'zack'],
  nathaniel: ['nate', 'nat'],
  nathan: ['nate'],
  theodore: ['ted', 'teddy', 'theo'],
  christina: ['chris', 'tina'],
  christine: ['chris', 'tina'],
  barbara: ['barb', 'babs'],
  dorothy: ['dot', 'dottie'],
  jacqueline: ['jackie'],
  pamela: ['pam'],
  cynthia: ['cindy'],
  sandra: ['sandy'],
  angela: ['angie'],
  melissa: ['mel', 'missy'],
  stephanie: ['steph'],
  amanda: ['mandy'],
  alexandra: ['alex', 'sandra', 'lexi'],
  natalie: ['nat'],
  gabriel: ['gabe'],
  frederick: ['fred', 'freddie'],
  lawrence: ['larry'],
  raymond: ['ray'],
  gerald: ['jerry'],
  leonard: ['leo', 'len'],
};

/** Options of {@link createNicknameIndex}. */
export type NicknameTable = Readonly<Record<string, readonly string[]>>;

/**
 * An index answering "can these two normalised given names be the same person's": equal, or one a
 * listed short form of the other, or both short forms of one formal name.
 */
export function createNicknameIndex(table: NicknameTable): (a: string, b: string) => boolean {
  const groups = new Map<string, Set<string>>();
  for (const [formal, shorts] of Object.entries(table)) {
    for (const name of [formal, ...shorts]) {
      const set = groups.get(name) ?? new Set<string>();
      set.add(formal);
      groups.set(name, set);
    }
  }
  return (a, b) => {
    if (a === b) return true;
    const ga = groups.get(a);
    const gb = groups.get(b);
    if (!ga || !gb) return false;
    for (const formal of ga) if (gb.has(formal)) return true;
    return false;
  };
}
