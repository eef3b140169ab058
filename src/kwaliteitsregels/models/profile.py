"""The provider profile: every fact the frameworks ask about, plus documents and explanations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StrictBool, model_validator

from kwaliteitsregels.models.common import Identifier, LawDomain, Model

TargetGroup = Literal["youth", "adults"]
LegalForm = Literal[
    "eenmanszaak", "vof", "maatschap", "cv", "bv", "nv", "stichting", "vereniging", "cooperatie", "other"
]
Register = Literal["SKJ", "BIG"]
Decision = Literal["accepted", "rejected"]
Money = Annotated[Decimal, Field(json_schema_extra={"x-unit": "eur"})]
Count = Annotated[int, Field(json_schema_extra={"x-unit": "count"})]


class Organisation(Model):
    """Who the provider is."""

    name: str = Field(min_length=1, description="statutaire naam of handelsnaam")
    kvk_number: str | None = Field(default=None, pattern=r"^\d{8}$", description="KvK-nummer, 8 cijfers")
    agb_code: str | None = Field(default=None, pattern=r"^\d{8}$", description="AGB-code, 8 posities")
    legal_form: LegalForm | None = Field(default=None, description="rechtsvorm")
    self_employed: bool | None = Field(default=None, description="zelfstandige zonder personeel (zzp'er)")
    small_provider: bool | None = Field(
        default=None, description="de aanbieder verklaart een kleine aanbieder te zijn (Twente 6)"
    )
    founded_on: date | None = None


class Services(Model):
    """What the provider offers and to whom."""

    law_domains: list[LawDomain] = Field(min_length=1, description="wetten waaronder de aanbieder levert")
    target_groups: list[TargetGroup] = Field(
        default_factory=list, description="youth: jeugdigen onder 18; adults: volwassenen"
    )
    administers_medication: bool | None = Field(default=None, description="de aanbieder dient medicijnen toe")
    organises_transport: bool | None = Field(default=None, description="de aanbieder organiseert zelf vervoer")
    residential: bool | None = Field(default=None, description="cliënten verblijven op locaties van de aanbieder")


class Size(Model):
    """How large the care activities are."""

    care_employees: Count | None = Field(default=None, ge=0, description="aantal medewerkers in de zorg")
    care_revenue_eur: Money | None = Field(default=None, ge=0, description="jaaromzet uit zorg, euro")
    revenue_wmo_eur: Money | None = Field(default=None, ge=0, description="jaaromzet Wmo, euro")
    revenue_jeugdwet_eur: Money | None = Field(default=None, ge=0, description="jaaromzet Jeugdwet, euro")
    clients_in_care: Count | None = Field(default=None, ge=0, description="aantal unieke cliënten tegelijk in zorg")


class QualitySystem(Model):
    """The quality management system the provider says it works with."""

    scheme: str | None = Field(
        default=None, description="het systeem waarmee gewerkt wordt (code uit de tabel van de regelset)"
    )
    description: str | None = None


class Certificate(Model):
    """A quality certificate or hallmark."""

    scheme: str = Field(description="keurmerk of certificatieschema (code uit de tabel van de regelset)")
    issuer: str | None = None
    number: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    scope: str | None = None


class RegisterEntry(Model):
    """A professional's entry in a register (SKJ, BIG)."""

    registry: Register
    number: str | None = None
    profession: str | None = None
    valid_until: date | None = None


class Professional(Model):
    """A person who delivers care or support for the provider (employee or the zzp'er)."""

    id: Identifier
    role: str | None = None
    works_with_youth: bool | None = Field(default=None, description="werkt met jeugdigen of ouders (Jeugdwet)")
    registrations: list[RegisterEntry] = Field(default_factory=list)
    qualifications: list[str] = Field(
        default_factory=list, description="opleidingsniveau en kwalificaties, met de codes van de regelset (bijv. hbo)"
    )
    vog_issued_on: date | None = Field(default=None, description="afgiftedatum van de VOG")
    employed_since: date | None = None


class Volunteer(Model):
    """A volunteer, for the VOG duties."""

    id: Identifier
    vog_issued_on: date | None = None
    started_on: date | None = None
    incidental_contact: bool | None = None


class Policy(Model):
    """A policy or procedure: is it in place, since when, in which document."""

    in_place: bool | None = Field(default=None, description="vastgesteld en in gebruik")
    adopted_on: date | None = None
    document: str | None = None


class ComplaintsCommittee(Model):
    """The complaints committee the provider is affiliated with."""

    independent: bool | None = Field(default=None, description="de klachtencommissie is onafhankelijk")
    name: str | None = None


class Policies(Model):
    """Policies and procedures the frameworks ask about."""

    complaints_procedure: Policy | None = None
    complaints_committee: ComplaintsCommittee | None = None
    confidential_adviser: Policy | None = None
    meldcode: Policy | None = None
    privacy: Policy | None = None
    calamities: Policy | None = None
    sick_leave: Policy | None = None
    safety_management_system: Policy | None = None


class ClientRepresentation(Model):
    """Client council or an alternative form of client representation."""

    client_council: bool | None = Field(default=None, description="er is een cliëntenraad")
    alternative: str | None = Field(default=None, description="hoe de belangen van cliënten anders worden behartigd")


class Insurance(Model):
    """An insurance policy, or an insurer's statement that one will be taken out."""

    kind: Literal["liability", "professional_liability", "other"]
    insurer_statement: bool = Field(
        default=False, description="geen polis maar een verklaring van de verzekeraar dat de polis wordt afgesloten"
    )
    insurer: str | None = None
    per_event_eur: Money | None = Field(default=None, ge=0)
    per_year_eur: Money | None = Field(default=None, ge=0)
    valid_until: date | None = None


class Vecozo(Model):
    """Connection to VECOZO for the iJw/iWmo message traffic."""

    connected: bool | None = Field(default=None, description="aangesloten op VECOZO")
    agb_code: str | None = Field(default=None, pattern=r"^\d{8}$")
    ijw_active: bool | None = None
    iwmo_active: bool | None = None


class ClientExperience(Model):
    """Measurement of client experiences."""

    last_measured_on: date | None = Field(default=None, description="datum van de laatste cliëntervaringsmeting")
    instrument: str | None = None


class OfferedProduct(Model):
    """A product the provider registers for, in a lot, at an offered tariff."""

    lot: Identifier
    code: str = Field(description="productcode van de regelset")
    tariff_eur: Money | None = Field(default=None, ge=0, description="aangeboden tarief in euro")


class Party(Model):
    """Another undertaking in the registration: a combination member, subcontractor or relied-on third party."""

    name: str = Field(min_length=1)
    role: Literal["combination_member", "subcontractor", "third_party"]
    kvk_number: str | None = Field(default=None, pattern=r"^\d{8}$")
    uea_signed: bool | None = Field(default=None, description="eigen UEA ingevuld en rechtsgeldig ondertekend")
    relied_on_for: list[str] = Field(
        default_factory=list, description="geschiktheidseisen waarvoor op deze partij wordt geleund"
    )


class Registration(Model):
    """The provider's registration in a procurement: lots, products with tariffs, municipalities, partners."""

    first_registration: bool | None = Field(default=None, description="eerste inschrijving (geen verlenging)")
    municipalities: list[str] = Field(default_factory=list, description="gemeenten waarvoor wordt ingeschreven")
    lots: list[Identifier] = Field(default_factory=list, description="percelen waarvoor wordt ingeschreven")
    products: list[OfferedProduct] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    uea_signed_by_authorised: bool | None = Field(
        default=None, description="UEA ondertekend door een vertegenwoordigingsbevoegde (blijkens KvK)"
    )
    expected_annual_contract_sum_eur: Money | None = Field(default=None, ge=0)


class History(Model):
    """Past events the frameworks ask about."""

    dissolved_for_poor_performance_on: date | None = Field(
        default=None, description="datum waarop een eerdere overeenkomst wegens wanprestatie is ontbonden"
    )
    outstanding_supervisory_measure: bool | None = Field(
        default=None, description="een corrigerende of bestuursrechtelijke maatregel van een toezichthouder staat open"
    )


class Document(Model):
    """A submitted verification document."""

    type: str = Field(description="soort bewijsstuk uit de gedeelde woordenlijst of de regelset")
    title: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    reference: str | None = None


class Assessment(Model):
    """An assessor's decision on an explanation."""

    decision: Decision
    by: str = Field(min_length=1)
    decided_on: date
    valid_until: date | None = None
    note: str | None = None
    score: Money | None = Field(default=None, ge=0, description="bij een gunningscriterium: de toegekende punten")


class Explanation(Model):
    """Pas toe of leg uit: the provider's explanation for one requirement of one ruleset."""

    ruleset: Identifier
    requirement: Identifier
    text: str = Field(min_length=1)
    given_by: str = Field(min_length=1)
    given_on: date
    assessment: Assessment | None = None


class Profile(Model):
    """Everything known about one provider, as of the moment the profile was made."""

    organisation: Organisation
    services: Services
    size: Size = Size()
    quality_system: QualitySystem | None = None
    certificates: list[Certificate] = Field(default_factory=list)
    professionals: list[Professional] = Field(default_factory=list)
    volunteers: list[Volunteer] = Field(default_factory=list)
    policies: Policies = Policies()
    client_representation: ClientRepresentation | None = None
    insurances: list[Insurance] = Field(default_factory=list)
    vecozo: Vecozo | None = None
    client_experience: ClientExperience | None = None
    registration: Registration | None = None
    history: History | None = None
    declarations: dict[str, StrictBool] = Field(
        default_factory=dict, description="verklaringen: naam uit de regelset → true of false (geen 1 of 'ja')"
    )
    documents: list[Document] = Field(default_factory=list)
    explanations: list[Explanation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _products_in_registered_lots(self) -> Profile:
        if self.registration is not None:
            lots = set(self.registration.lots)
            for product in self.registration.products:
                if product.lot not in lots:
                    msg = f"product {product.code} staat in perceel {product.lot}, waarvoor niet is ingeschreven"
                    raise ValueError(msg)
        return self

    @model_validator(mode="after")
    def _one_explanation_per_requirement(self) -> Profile:
        seen: set[tuple[str, str]] = set()
        for item in self.explanations:
            key = (item.ruleset, item.requirement)
            if key in seen:
                msg = f"twee toelichtingen voor eis {item.requirement} van {item.ruleset}"
                raise ValueError(msg)
            seen.add(key)
        return self


class LotView(Model):
    """What a per-lot requirement sees: one registered lot, its offered products, and the whole profile."""

    lot: Identifier
    products: list[OfferedProduct]
    profile: Profile
