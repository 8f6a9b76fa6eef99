package org.evote.crypto.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An election manifest in the ElectionGuard 1.0 format that election-management systems export (protocol §5.1):
 * districts, parties, candidates, contests and ballot styles. Construction checks every cross-reference, so a
 * Manifest in hand is internally consistent. {@code canonicalJson} is the RFC 8785 form of the manifest object
 * as published, the input to the manifest hash H_M.
 */
public final class Manifest {
  private final String electionScopeId;
  private final String type;
  private final String startDate;
  private final String endDate;
  private final InternationalText name;
  private final List<GeopoliticalUnit> geopoliticalUnits;
  private final List<Party> parties;
  private final List<Candidate> candidates;
  private final List<ContestDescription> contests;
  private final List<BallotStyle> ballotStyles;
  private final String canonicalJson;

  private final Map<String, ContestDescription> contestById = new HashMap<>();
  private final Map<String, Candidate> candidateById = new HashMap<>();
  private final Map<String, Party> partyById = new HashMap<>();
  private final Map<String, BallotStyle> styleById = new LinkedHashMap<>();
  private final Map<String, List<ContestDescription>> contestsByStyle = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public Manifest(String electionScopeId, String type, String startDate, String endDate, InternationalText name,
      List<GeopoliticalUnit> geopoliticalUnits, List<Party> parties, List<Candidate> candidates,
      List<ContestDescription> contests, List<BallotStyle> ballotStyles, String canonicalJson) {
    Ids.require(electionScopeId, "election_scope_id");
    this.electionScopeId = electionScopeId;
    this.type = type;
    this.startDate = startDate;
    this.endDate = endDate;
    this.name = name;
    this.geopoliticalUnits = List.copyOf(geopoliticalUnits);
    this.parties = List.copyOf(parties);
    this.candidates = List.copyOf(candidates);
    List<ContestDescription> sorted = new ArrayList<>(contests);
    sorted.sort(Comparator.comparingInt(ContestDescription::sequenceOrder));
    this.contests = Collections.unmodifiableList(sorted);
    this.ballotStyles = List.copyOf(ballotStyles);
    this.canonicalJson = canonicalJson;

    Set<String> units = new HashSet<>();
    for (GeopoliticalUnit u : geopoliticalUnits) {
      unique(units, u.id(), "geopolitical unit");
    }
    for (Party p : parties) {
      unique(partyById, p.id(), p, "party");
    }
    for (Candidate c : candidates) {
      unique(candidateById, c.id(), c, "candidate");
      if (c.partyId().isPresent() && !partyById.containsKey(c.partyId().get())) {
        throw new IllegalArgumentException("candidate " + c.id() + " names unknown party " + c.partyId().get());
      }
    }
    for (ContestDescription c : this.contests) {
      unique(contestById, c.id(), c, "contest");
      if (!units.contains(c.electoralDistrictId())) {
        throw new IllegalArgumentException("contest " + c.id() + " names unknown electoral district "
            + c.electoralDistrictId());
      }
      Set<String> selectionIds = new HashSet<>();
      for (SelectionDescription s : c.selections()) {
        unique(selectionIds, s.id(), "selection in contest " + c.id());
        if (!candidateById.containsKey(s.candidateId())) {
          warnings.add("selection " + s.id() + " of contest " + c.id() + " names unknown candidate "
              + s.candidateId() + "; voters see it by its position, without a name");
        }
      }
    }
    for (BallotStyle s : ballotStyles) {
      unique(styleById, s.id(), s, "ballot style");
      List<ContestDescription> onStyle = new ArrayList<>();
      for (String unit : s.geopoliticalUnitIds()) {
        if (!units.contains(unit)) {
          throw new IllegalArgumentException("ballot style " + s.id() + " names unknown geopolitical unit "
              + unit);
        }
      }
      for (ContestDescription c : this.contests) {
        if (s.geopoliticalUnitIds().contains(c.electoralDistrictId())) {
          onStyle.add(c);
        }
      }
      contestsByStyle.put(s.id(), List.copyOf(onStyle));
    }
    if (this.contests.isEmpty()) {
      throw new IllegalArgumentException("manifest has no contests");
    }
    if (ballotStyles.isEmpty()) {
      throw new IllegalArgumentException("manifest has no ballot styles");
    }
  }

  private static void unique(Set<String> seen, String id, String what) {
    if (!seen.add(id)) {
      throw new IllegalArgumentException("duplicate " + what + " id " + id);
    }
  }

  private static <T> void unique(Map<String, T> seen, String id, T value, String what) {
    if (seen.putIfAbsent(id, value) != null) {
      throw new IllegalArgumentException("duplicate " + what + " id " + id);
    }
  }

  public String electionScopeId() {
    return electionScopeId;
  }

  public String type() {
    return type;
  }

  public String startDate() {
    return startDate;
  }

  public String endDate() {
    return endDate;
  }

  public InternationalText name() {
    return name;
  }

  public List<GeopoliticalUnit> geopoliticalUnits() {
    return geopoliticalUnits;
  }

  public List<Party> parties() {
    return parties;
  }

  public List<Candidate> candidates() {
    return candidates;
  }

  /** All contests, in sequence order. */
  public List<ContestDescription> contests() {
    return contests;
  }

  public List<BallotStyle> ballotStyles() {
    return ballotStyles;
  }

  /**
   * Irregularities that do not stop an election but that officials should see, such as a selection naming a
   * candidate the manifest does not list (real exports have them; the county sample names "write-in").
   */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /** The RFC 8785 canonical JSON of the manifest object, hashed into H_M. */
  public String canonicalJson() {
    return canonicalJson;
  }

  public Optional<ContestDescription> contest(String id) {
    return Optional.ofNullable(contestById.get(id));
  }

  public Optional<Candidate> candidate(String id) {
    return Optional.ofNullable(candidateById.get(id));
  }

  public Optional<Party> party(String id) {
    return Optional.ofNullable(partyById.get(id));
  }

  public Optional<BallotStyle> style(String id) {
    return Optional.ofNullable(styleById.get(id));
  }

  /** The contests on a style, in sequence order; empty if the style is unknown. */
  public List<ContestDescription> contestsFor(String styleId) {
    return contestsByStyle.getOrDefault(styleId, List.of());
  }

  /** Every language any text of the manifest is given in, in first-seen order. */
  public List<String> languages() {
    Set<String> out = new java.util.LinkedHashSet<>();
    addLanguages(out, name);
    for (Candidate c : candidates) {
      addLanguages(out, c.name());
    }
    for (Party p : parties) {
      addLanguages(out, p.name());
    }
    for (ContestDescription c : contests) {
      addLanguages(out, c.ballotTitle());
      addLanguages(out, c.ballotSubtitle());
    }
    out.remove("und");
    return List.copyOf(out);
  }

  private static void addLanguages(Set<String> out, InternationalText t) {
    for (InternationalText.Translation tr : t.translations()) {
      out.add(tr.language());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && m.canonicalJson.equals(canonicalJson);
  }

  @Override
  public int hashCode() {
    return canonicalJson.hashCode();
  }

  @Override
  public String toString() {
    return "Manifest[" + electionScopeId + ", " + contests.size() + " contests, " + ballotStyles.size()
        + " styles]";
  }
}
