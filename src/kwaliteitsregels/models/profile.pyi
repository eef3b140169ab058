# Types of `kwaliteitsregels.models.profile`, whose classes are built from data/vocabularies/core.yaml.
# Generated; do not edit. Refresh with `python -m kwaliteitsregels.facts.stubs`.

from datetime import date
from decimal import Decimal
from typing import Literal, TypeAlias

from pydantic import Field

from kwaliteitsregels.facts.vocabulary import VocabularyFile
from kwaliteitsregels.models.common import Identifier as Identifier
from kwaliteitsregels.models.common import Model as Model
from kwaliteitsregels.models.submission import Assessment as Assessment
from kwaliteitsregels.models.submission import Decision as Decision
from kwaliteitsregels.models.submission import Document as Document
from kwaliteitsregels.models.submission import Explanation as Explanation
from kwaliteitsregels.models.submission import LotViewBase, ProfileBase
from kwaliteitsregels.models.submission import Money as Money

__all__ = [
    "CODE_LISTS",
    "CORE_SOURCE",
    "CORE_VOCABULARY",
    "Assessment",
    "Certificate",
    "ClientExperience",
    "ClientRepresentation",
    "ComplaintsCommittee",
    "Decision",
    "Document",
    "Explanation",
    "History",
    "Identifier",
    "Insurance",
    "InsuranceKind",
    "LawDomain",
    "LegalForm",
    "LotView",
    "Model",
    "Money",
    "OfferedProduct",
    "Organisation",
    "Party",
    "PartyRole",
    "Policies",
    "Policy",
    "Professional",
    "Profile",
    "QualitySystem",
    "Register",
    "RegisterEntry",
    "Registration",
    "Services",
    "Size",
    "TargetGroup",
    "Vecozo",
    "Volunteer",
]
CODE_LISTS: dict[str, object]
CORE_SOURCE: str
CORE_VOCABULARY: VocabularyFile

LawDomain: TypeAlias = Literal["jeugdwet", "wmo"]
TargetGroup: TypeAlias = Literal["youth", "adults"]
LegalForm: TypeAlias = Literal[
    "eenmanszaak",
    "vof",
    "maatschap",
    "cv",
    "bv",
    "nv",
    "stichting",
    "vereniging",
    "cooperatie",
    "other",
]
Register: TypeAlias = Literal["SKJ", "BIG"]
InsuranceKind: TypeAlias = Literal["liability", "professional_liability", "other"]
PartyRole: TypeAlias = Literal["combination_member", "subcontractor", "third_party"]

class OfferedProduct(Model):
    # Een product waarvoor de aanbieder inschrijft, in een perceel, tegen een aangeboden tarief.
    #
    # A product the provider registers for, in a lot, at an offered tariff.
    lot: str
    code: str
    tariff_eur: Decimal | None = None

class Organisation(Model):
    # Wie de aanbieder is.
    #
    # Who the provider is.
    name: str
    kvk_number: str | None = None
    agb_code: str | None = None
    legal_form: LegalForm | None = None
    self_employed: bool | None = None
    small_provider: bool | None = None
    founded_on: date | None = None

class Services(Model):
    # Wat de aanbieder biedt en aan wie.
    #
    # What the provider offers and to whom.
    law_domains: list[LawDomain]
    target_groups: list[TargetGroup] = Field(default_factory=list)  # noqa: PYI015
    administers_medication: bool | None = None
    organises_transport: bool | None = None
    residential: bool | None = None

class Size(Model):
    # Hoe groot de zorgactiviteiten zijn.
    #
    # How large the care activities are.
    care_employees: int | None = None
    care_revenue_eur: Decimal | None = None
    revenue_wmo_eur: Decimal | None = None
    revenue_jeugdwet_eur: Decimal | None = None
    clients_in_care: int | None = None

class QualitySystem(Model):
    # Het kwaliteitssysteem waarmee de aanbieder zegt te werken.
    #
    # The quality management system the provider says it works with.
    scheme: str | None = None
    description: str | None = None

class Policy(Model):
    # Beleid of procedure: is het er, sinds wanneer, in welk document.
    #
    # A policy or procedure: is it in place, since when, in which document.
    in_place: bool | None = None
    adopted_on: date | None = None
    document: str | None = None

class ComplaintsCommittee(Model):
    # De klachtencommissie waarbij de aanbieder is aangesloten.
    #
    # The complaints committee the provider is affiliated with.
    independent: bool | None = None
    name: str | None = None

class Policies(Model):
    # Beleid en procedures waar de kaders naar vragen.
    #
    # Policies and procedures the frameworks ask about.
    complaints_procedure: Policy | None = None
    complaints_committee: ComplaintsCommittee | None = None
    confidential_adviser: Policy | None = None
    meldcode: Policy | None = None
    privacy: Policy | None = None
    calamities: Policy | None = None
    sick_leave: Policy | None = None
    safety_management_system: Policy | None = None

class ClientRepresentation(Model):
    # Cliëntenraad of een andere vorm van cliëntvertegenwoordiging.
    #
    # Client council or an alternative form of client representation.
    client_council: bool | None = None
    alternative: str | None = None

class Vecozo(Model):
    # Aansluiting op VECOZO voor het iJw/iWmo-berichtenverkeer.
    #
    # Connection to VECOZO for the iJw/iWmo message traffic.
    connected: bool | None = None
    agb_code: str | None = None
    ijw_active: bool | None = None
    iwmo_active: bool | None = None

class ClientExperience(Model):
    # Meting van cliëntervaringen.
    #
    # Measurement of client experiences.
    last_measured_on: date | None = None
    instrument: str | None = None

class Party(Model):
    # Een andere onderneming in de inschrijving: lid van een combinatie, onderaannemer of derde op wie wordt gesteund.
    #
    # Another undertaking in the registration: a combination member, subcontractor or relied-on third party.
    name: str
    role: PartyRole
    kvk_number: str | None = None
    uea_signed: bool | None = None
    relied_on_for: list[str] = Field(default_factory=list)  # noqa: PYI015

class Registration(Model):
    # De inschrijving in een aanbesteding: percelen, producten met tarieven, gemeenten, partners.
    #
    # The provider's registration in a procurement: lots, products with tariffs, municipalities, partners.
    first_registration: bool | None = None
    municipalities: list[str] = Field(default_factory=list)  # noqa: PYI015
    lots: list[str] = Field(default_factory=list)  # noqa: PYI015
    uea_signed_by_authorised: bool | None = None
    expected_annual_contract_sum_eur: Decimal | None = None
    products: list[OfferedProduct] = Field(default_factory=list)  # noqa: PYI015
    parties: list[Party] = Field(default_factory=list)  # noqa: PYI015

class History(Model):
    # Gebeurtenissen uit het verleden waar de kaders naar vragen.
    #
    # Past events the frameworks ask about.
    dissolved_for_poor_performance_on: date | None = None
    outstanding_supervisory_measure: bool | None = None

class Certificate(Model):
    # Een kwaliteitscertificaat of keurmerk.
    #
    # A quality certificate or hallmark.
    scheme: str
    issuer: str | None = None
    number: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    scope: str | None = None

class RegisterEntry(Model):
    # Een inschrijving van de professional in een register (SKJ, BIG).
    #
    # A professional's entry in a register (SKJ, BIG).
    registry: Register
    number: str | None = None
    profession: str | None = None
    valid_until: date | None = None

class Professional(Model):
    # Iemand die zorg of ondersteuning levert voor de aanbieder (medewerker of de zzp'er zelf).
    #
    # A person who delivers care or support for the provider (employee or the self-employed provider).
    id: str
    role: str | None = None
    works_with_youth: bool | None = None
    qualifications: list[str] = Field(default_factory=list)  # noqa: PYI015
    vog_issued_on: date | None = None
    employed_since: date | None = None
    registrations: list[RegisterEntry] = Field(default_factory=list)  # noqa: PYI015

class Volunteer(Model):
    # Een vrijwilliger, voor de VOG-plichten.
    #
    # A volunteer, for the certificate-of-conduct duties.
    id: str
    vog_issued_on: date | None = None
    started_on: date | None = None
    incidental_contact: bool | None = None

class Insurance(Model):
    # Een verzekeringspolis, of een verklaring van de verzekeraar dat die wordt afgesloten.
    #
    # An insurance policy, or an insurer's statement that one will be taken out.
    kind: InsuranceKind
    insurer_statement: bool = False
    insurer: str | None = None
    per_event_eur: Decimal | None = None
    per_year_eur: Decimal | None = None
    valid_until: date | None = None

class Profile(ProfileBase):
    # Everything known about one provider, as of the moment the profile was made.
    #
    # The base of `Profile`: the facts come from the core vocabulary, then `SUBMISSION_FIELDS`.
    organisation: Organisation
    services: Services
    size: Size = Field(default_factory=Size)  # noqa: PYI015
    quality_system: QualitySystem | None = None
    policies: Policies = Field(default_factory=Policies)  # noqa: PYI015
    client_representation: ClientRepresentation | None = None
    vecozo: Vecozo | None = None
    client_experience: ClientExperience | None = None
    registration: Registration | None = None
    history: History | None = None
    certificates: list[Certificate] = Field(default_factory=list)  # noqa: PYI015
    professionals: list[Professional] = Field(default_factory=list)  # noqa: PYI015
    volunteers: list[Volunteer] = Field(default_factory=list)  # noqa: PYI015
    insurances: list[Insurance] = Field(default_factory=list)  # noqa: PYI015
    declarations: dict[str, bool] = Field(default_factory=dict)  # noqa: PYI015
    documents: list[Document] = Field(default_factory=list)  # noqa: PYI015
    explanations: list[Explanation] = Field(default_factory=list)  # noqa: PYI015

class LotView(LotViewBase):
    # What a per-lot requirement sees: one registered lot, its offered products, and the whole profile.
    products: list[OfferedProduct]
    profile: Profile
