# dyad's own verb and noun patterns (written for dyad, same format as
# petrarch.pat; see patterns.go). Loaded after the PETRARCH patterns, so an
# equally specific pattern here wins. "---" disables a too-broad default.
#
# Synsets of our own.
&DY_MEETING	meeting|meetings|summit|summits|conference|session|forum|ministerial|gathering|consultations|dialogue
&DY_TALKS	talk|talks|negotiation|negotiations|consultation|consultations|dialogue|discussion|discussions
&DY_EXERCISE	exercise|exercises|drill|drills|maneuver|maneuvers|manoeuvre|manoeuvres|war_games|wargame|wargames|patrol|patrols
&DY_ACCORD	agreement|agreements|accord|accords|treaty|treaties|pact|deal|memorandum|protocol|charter|declaration|communique|programme|program|convention|partnership|contract|mou
&DY_GROUPING	alliance|organization|organisation|bloc|coalition|union|centre|center|initiative|group|partnership|programme|program|pact|treaty|forum|council|community|network
&DY_PARTNER	partner|partners|member|members|ally|allies|signatory|party|observer
&DY_OBJECTION	objection|objections|opposition|disapproval|criticism|criticisms|displeasure|dissatisfaction|outrage|anger|protest|protests|condemnation
&DY_CONCERN	concern|concerns|worry|worries|alarm|unease|doubt|doubts|skepticism|scepticism
&DY_SUPPORTN	support|approval|backing|solidarity|endorsement|appreciation|gratitude|sympathy|condolences
&DY_AID	aid|assistance|supplies|supply|help|relief|support|logistics|equipment|materiel|resources
&DY_MILAID	weapons|arms|ammunition|munitions|missiles|tanks|jets|howitzers|military_aid|military_assistance|military_equipment
&DY_ECONAID	loan|loans|funding|funds|money|financing|grant|grants|credit|investment|budget_support
&DY_HUMAID	food|medicine|medicines|shelter|vaccines|humanitarian_aid|humanitarian_assistance
&DY_STRATEGY	strategy|plan|document|paper|white_paper|doctrine|policy|roadmap|initiative|vision|framework|report
#
# Meetings, visits, talks (04).
attend	042	-	dyad
attend	042	obj=&DY_MEETING	dyad
attend	046	obj=&DY_TALKS	dyad
participate	062	pp=in:&DY_EXERCISE tgt=pp:in	dyad
participate	046	pp=in:&DY_TALKS tgt=pp:in	dyad
participate	042	pp=in:&DY_MEETING tgt=pp:in	dyad
take	062	obj=part pp=in:&DY_EXERCISE tgt=pp:in	dyad
take	046	obj=part pp=in:&DY_TALKS tgt=pp:in	dyad
take	042	obj=part pp=in:&DY_MEETING tgt=pp:in	dyad
join	062	obj=&DY_EXERCISE	dyad
join	046	obj=&DY_TALKS	dyad
join	060	-	dyad
join	057	obj=&DY_ACCORD	dyad
hold	046	obj=&DY_TALKS	dyad
hold	040	obj=&DY_MEETING	dyad
hold	041	obj=call|phone_call|telephone_call|videoconference|video_call	dyad
hold	062	obj=&DY_EXERCISE	dyad
have	046	obj=&DY_TALKS	dyad
have	041	obj=call|phone_call|telephone_call	dyad
conduct	---	-	dyad
conduct	046	obj=&DY_TALKS	dyad
conduct	062	obj=&DY_EXERCISE	dyad
conduct	042	obj=visit|visits|trip|tour	dyad
make	042	obj=visit|visits|trip	dyad
pay	042	obj=visit|visits	dyad
host	043	-	dyad
host	043	obj=&DY_MEETING	dyad
receive	043	obj=delegation|visitor|visitors|guest|envoy	dyad
talk	040	pp=with tgt=pp:with	dyad
negotiate	046	-	dyad
confer	040	pp=with tgt=pp:with	dyad
consult	040	-	dyad
call	020	prt=on	dyad
call	020	pp=for	dyad
urge	020	-	dyad
appeal	020	pp=to tgt=pp:to	dyad
renew	020	obj=appeal|call|plea	dyad
renew	046	obj=&DY_TALKS	dyad
resume	046	obj=&DY_TALKS	dyad
phone	041	-	dyad
# Agreements and cooperation (05, 06).
sign	057	-	dyad
sign	057	obj=&DY_ACCORD	dyad
conclude	057	obj=&DY_ACCORD	dyad
ink	057	-	dyad
ratify	057	obj=&DY_ACCORD	dyad
become	050	obj=&DY_PARTNER	dyad
join	050	pp=as:&DY_PARTNER	dyad
forge	050	obj=ties|relations|partnership|alliance|relationship	dyad
establish	---	-	dyad
establish	050	obj=ties|relations|relationship|partnership	dyad
upgrade	050	obj=ties|relations|relationship|partnership	dyad
conduct	062	obj=&DY_EXERCISE pp=with tgt=pp:with	dyad
cooperate	060	pp=with tgt=pp:with	dyad
collaborate	060	pp=with tgt=pp:with	dyad
# Aid (07).
provide	070	obj=&DY_AID	dyad
provide	072	obj=&DY_MILAID	dyad
provide	071	obj=&DY_ECONAID	dyad
provide	073	obj=&DY_HUMAID	dyad
supply	070	-	dyad
supply	072	obj=&DY_MILAID	dyad
deliver	070	obj=&DY_AID	dyad
deliver	072	obj=&DY_MILAID	dyad
send	070	obj=&DY_AID	dyad
send	072	obj=&DY_MILAID	dyad
give	070	obj=&DY_AID	dyad
give	071	obj=&DY_ECONAID	dyad
donate	070	-	dyad
grant	071	obj=&DY_ECONAID	dyad
# Intentions (03) and accord (019).
agree	030	pp=to	dyad
agree	019	pp=that	dyad
pledge	030	-	dyad
pledge	033	obj=&DY_AID	dyad
promise	030	-	dyad
vow	030	-	dyad
commit	030	-	dyad
# Statements: criticism and support (01, 05, 11).
voice	111	obj=&DY_OBJECTION	dyad
voice	012	obj=&DY_CONCERN	dyad
voice	051	obj=&DY_SUPPORTN	dyad
express	111	obj=&DY_OBJECTION	dyad
express	012	obj=&DY_CONCERN	dyad
express	051	obj=&DY_SUPPORTN	dyad
raise	111	obj=objection|objections|protest|protests	dyad
raise	012	obj=&DY_CONCERN	dyad
lodge	111	obj=protest|protests|complaint|objection	dyad
object	111	pp=to	dyad
oppose	111	-	dyad
criticize	111	-	dyad
criticise	111	-	dyad
condemn	111	-	dyad
denounce	111	-	dyad
accuse	112	-	dyad
praise	051	-	dyad
welcome	051	-	dyad
# Acts of reducing relations and rejecting (16, 12).
suspend	160	-	dyad
suspend	164	obj=&DY_TALKS	dyad
sanction	163	-	dyad
reject	120	-	dyad
reject	125	obj=&DY_TALKS|&DY_MEETING|invitation|offer	dyad
sever	161	-	dyad
# Too broad as bare verbs: code them only through their patterns.
include	---	-	dyad
engage	---	-	dyad
break	---	-	dyad
expand	---	-	dyad
increase	---	-	dyad
enhance	---	-	dyad
reinforce	---	-	dyad
unveil	---	-	dyad
publish	---	-	dyad
add	---	-	dyad
give	---	-	dyad
leave	---	-	dyad
see	---	-	dyad
call	---	-	dyad
back	---	-	dyad
face	---	-	dyad
overtake	---	-	dyad
take	---	-	dyad
hold	---	-	dyad
# Listed under other verbs' PETRARCH blocks, and read in another sense in
# news far more often than as the block's act ("won five states", "gain
# citizenship", "linked the breach to X", "hurting exporters", "echoed
# X's justification"): only their patterns with a frame word code them.
win	---	-	dyad
gain	---	-	dyad
link	---	-	dyad
hurt	---	-	dyad
echo	---	-	dyad
frustrate	---	-	dyad
come	---	-	dyad
# Nominal events.
visit	042	noun	dyad
trip	042	noun	dyad
talks	046	noun	dyad
talk	046	noun	dyad
negotiation	046	noun	dyad
negotiations	046	noun	dyad
meeting	040	noun	dyad
summit	040	noun	dyad
signing	057	noun	dyad
